package io.assay.checks;

import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a task's expected answer. An answer of the wrong shape is a bug in the suite, not a wrong
 * agent, so it is an {@link IllegalStateException} (the runner records a harness error) rather
 * than a failed reward.
 */
final class GroundTruth {

    private GroundTruth() {
    }

    /** The trial's session, which a check of the session's calls or state needs; without one the suite is wrong. */
    static EnvironmentSession session(String check, Task task, Optional<EnvironmentSession> environment) {
        return environment.orElseThrow(() -> new IllegalStateException(check + " grades a tool environment's"
                + " session, but task '" + task.id() + "' was graded without one"));
    }

    static IllegalStateException error(String check, Task task, String problem) {
        return new IllegalStateException(check + " check, task '" + task.id() + "': " + problem);
    }

    /** The acceptable answers: a string, number or boolean, or a non-empty list of them. */
    static List<String> strings(String check, Task task) {
        Object answer = task.answer();
        if (answer instanceof List<?> list) {
            if (list.isEmpty()) {
                throw error(check, task, "the answer is an empty list, so nothing could ever match");
            }
            List<String> result = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                result.add(scalarText(list.get(i)).orElseThrow(() -> error(check, task,
                        "answer[" + index + "] must be a string or a number, got " + Options.describe(list.get(index)))));
            }
            return List.copyOf(result);
        }
        return List.of(scalarText(answer).orElseThrow(() -> error(check, task,
                "the answer must be a string, a number or a list of them, got " + Options.describe(answer))));
    }

    /** The answer as one string: a string, number or boolean. */
    static String string(String check, Task task) {
        return scalarText(task.answer()).orElseThrow(() -> error(check, task,
                "the answer must be a string, got " + Options.describe(task.answer())));
    }

    /** A number's exact decimal value; {@code Double} goes through its shortest decimal form, so 0.1 stays 0.1. */
    static Optional<BigDecimal> decimal(Number number) {
        return switch (number) {
            case BigDecimal d -> Optional.of(d);
            case BigInteger i -> Optional.of(new BigDecimal(i));
            case Integer i -> Optional.of(BigDecimal.valueOf(i));
            case Long l -> Optional.of(BigDecimal.valueOf(l));
            case Short s -> Optional.of(BigDecimal.valueOf(s));
            case Byte b -> Optional.of(BigDecimal.valueOf(b));
            default -> Double.isFinite(number.doubleValue())
                    ? Optional.of(new BigDecimal(number.toString()))
                    : Optional.empty();
        };
    }

    private static Optional<String> scalarText(Object value) {
        return switch (value) {
            case String s -> Optional.of(s);
            case Boolean b -> Optional.of(b.toString());
            case Number n -> Optional.of(decimal(n).map(BigDecimal::toPlainString).orElse(n.toString()));
            case null, default -> Optional.empty();
        };
    }
}
