package io.assay.core.baseline;

import io.assay.kit.JsonValues;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How the harness reads a task's reference (as the reply the oracle gives, as the bare answers a
 * correct agent would give, as choice letters) and how probes grade replies to it.
 */
public final class ReferenceAnswers {
    private static final String DEFAULT_LETTERS = "ABCDEFGHIJ";

    private ReferenceAnswers() {
    }

    /** The reference solution as the oracle agent answers it: strings as they are, other values as JSON. */
    public static String text(Task task) {
        return JsonValues.text(task.solution() != null ? task.solution() : task.answer());
    }

    /** Whether the task has a solution apart from its answer: then the oracle answers that, word for word. */
    public static boolean hasOwnSolution(Task task) {
        return task.solution() != null && !task.solution().equals(task.answer());
    }

    /**
     * The reply a correct agent gives and, when {@code check} was called, its verdict on it.
     *
     * @param reply what the oracle answers
     * @param verdict empty when the check is {@link RewardCheck#remote() remote} and so was not called
     */
    public record Reference(String reply, Optional<RewardResult> verdict) {
    }

    /**
     * The reply a correct agent gives, which loading makes the oracle's solution, graded once by
     * {@code check}: the task's own solution as {@link #text}; else the first reading of its answer
     * that {@code check} accepts: each acceptable answer of a list in turn, then the whole answer as
     * JSON (how a {@code json} check reads a list or a string). When no reading passes, the first
     * reading with its verdict; a remote check is not called, the first reading is the reply.
     *
     * @throws RuntimeException what the check threw grading the first reading, when no reading passes
     */
    public static Reference reference(Task task, RewardCheck check) throws InterruptedException {
        if (check.remote()) {
            return new Reference(firstReading(task), Optional.empty());
        }
        if (hasOwnSolution(task)) {
            String solution = text(task);
            return new Reference(solution, Optional.of(check.check(task, AgentOutput.of(solution), Optional.empty())));
        }
        List<String> readings = readings(task.answer());
        RewardResult firstVerdict = null;
        RuntimeException firstFailure = null;
        for (int i = 0; i < readings.size(); i++) {
            try {
                RewardResult verdict = check.check(task, AgentOutput.of(readings.get(i)), Optional.empty());
                if (verdict.passed()) {
                    return new Reference(readings.get(i), Optional.of(verdict));
                }
                firstVerdict = i == 0 ? verdict : firstVerdict;
            } catch (RuntimeException graderBug) {
                firstFailure = i == 0 ? graderBug : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return new Reference(readings.getFirst(), Optional.of(firstVerdict));
    }

    /** The reply {@link #reference} gives when no reading passes: the solution, else the answer's first reading. */
    public static String firstReading(Task task) {
        if (hasOwnSolution(task)) {
            return text(task);
        }
        if (task.answer() == null) {
            return readings(null).getFirst();
        }
        // readings(answer).getFirst() without writing the answer as JSON, which only a non-scalar answer needs.
        List<String> scalars = scalars(task.answer());
        return scalars.isEmpty() ? JsonValues.json(task.answer()) : scalars.getFirst();
    }

    /**
     * The answers a correct agent could give, in order: each scalar of {@code answer} (a list
     * stands for its acceptable alternatives), then the solution as the oracle answers it.
     * Structured answers appear only through the solution's JSON text.
     */
    public static List<String> candidates(Task task) {
        Set<String> candidates = new LinkedHashSet<>(scalars(task.answer()));
        String solution = text(task);
        if (!solution.isEmpty()) {
            candidates.add(solution);
        }
        return List.copyOf(candidates);
    }

    /**
     * The first {@link #candidates candidate} the task's check accepts: the bare answer probes
     * vary, negate or hide among others. Empty when none passes, which the solvability probe reports.
     */
    public static Optional<String> accepted(Task task, RewardCheck check) {
        for (String candidate : candidates(task)) {
            if (grade(check, task, candidate).filter(RewardResult::passed).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Grades {@code reply} as the task's answer, outside a trial. Empty for a check that grades end
     * state, which a bare answer cannot satisfy, and when the grader throws: that is a ground-truth
     * bug the ground-truth probe reports, so other probes skip it. An interruption ends grading
     * with the thread's interrupt flag set again, so the caller's next wait stops.
     */
    public static Optional<RewardResult> grade(RewardCheck check, Task task, String reply) {
        if (!gradesAnswers(check)) {
            return Optional.empty();
        }
        try {
            return Optional.of(check.check(task, AgentOutput.of(reply), Optional.empty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException graderBug) {
            return Optional.empty();
        }
    }

    /** False for a check that grades end state (a sandbox's tests) and so cannot grade a bare answer. */
    public static boolean gradesAnswers(RewardCheck check) {
        return check.grades() == RewardCheck.Grades.ANSWER;
    }

    /**
     * Why probes that grade replies have nothing to examine: every task's check grades end state
     * (a sandbox's tests, a tool environment's state), not an answer. Empty when one grades answers.
     */
    public static Optional<String> noAnswerGraded(AuditContext context) {
        return context.suite().tasks().stream().anyMatch(task -> gradesAnswers(context.check(task)))
                ? Optional.empty() : Optional.of("no task is graded on its answer");
    }

    /** Whether {@code spec} is the built-in {@code choice} check. */
    public static boolean isChoice(Options spec) {
        return "choice".equals(spec.get("type"));
    }

    /** The letters a {@code choice} spec accepts, upper case, in order. */
    public static Set<Character> choiceLetters(Options spec) {
        String letters = spec.get("letters") instanceof String s ? s : DEFAULT_LETTERS;
        Set<Character> result = new LinkedHashSet<>();
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetter(c)) {
                result.add(c);
            }
        }
        return result;
    }

    private static List<String> readings(Object answer) {
        if (answer == null) {
            return List.of("");
        }
        Set<String> readings = new LinkedHashSet<>(scalars(answer));
        readings.add(JsonValues.json(answer));
        return List.copyOf(readings);
    }

    private static List<String> scalars(Object answer) {
        List<String> result = new ArrayList<>();
        if (answer instanceof List<?> list) {
            list.forEach(item -> scalarText(item).ifPresent(result::add));
        } else {
            scalarText(answer).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<String> scalarText(Object value) {
        return switch (value) {
            case String s -> Optional.of(s);
            case Number n -> Optional.of(JsonValues.text(n));
            case Boolean b -> Optional.of(b.toString());
            case null, default -> Optional.empty();
        };
    }
}
