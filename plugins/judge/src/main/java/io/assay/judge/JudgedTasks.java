package io.assay.judge;

import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks of a suite that an LLM judge grades: their reward spec is a {@code judge} check or
 * contains one, however deeply nested in combinators ({@code checks}, {@code check}). The judge
 * probes have nothing to say about any other task.
 */
final class JudgedTasks {

    private JudgedTasks() {
    }

    static List<Task> of(Suite suite) {
        return suite.tasks().stream().filter(task -> judged(suite.rewardFor(task))).toList();
    }

    /** Why the judge probes do not apply: no task is graded by a judge. */
    static Optional<String> notApplicable(Suite suite) {
        return suite.tasks().stream().anyMatch(task -> judged(suite.rewardFor(task)))
                ? Optional.empty() : Optional.of("no LLM judge");
    }

    private static boolean judged(Options spec) {
        return spec != null && containsJudge(spec.values());
    }

    private static boolean containsJudge(Object value) {
        return switch (value) {
            case Map<?, ?> map -> "judge".equals(map.get("type")) || map.values().stream().anyMatch(JudgedTasks::containsJudge);
            case List<?> list -> list.stream().anyMatch(JudgedTasks::containsJudge);
            case null, default -> false;
        };
    }
}
