package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.testkit.Checks;
import io.assay.testkit.TaskBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * Creates checks the way the core does: a spec at {@code reward} goes to the factory its
 * {@code type} names, and combinators resolve nested specs through the same context.
 */
final class CheckFixture {
    private static final Checks CHECKS = Checks.of(new BasicChecksPlugin());

    private CheckFixture() {
    }

    /** The check for a suite's {@code reward:} spec, so errors name fields like {@code reward.pattern}. */
    static RewardCheck check(Map<String, Object> spec) {
        return CHECKS.create(new Options("reward", spec));
    }

    /** Grades {@code answer} for a task whose ground truth is {@code expected}. */
    static RewardResult grade(Map<String, Object> spec, Object expected, String answer) {
        return gradeAnswer(check(spec), task(expected), AgentOutput.of(answer));
    }

    /** Grades as the harness does outside a trial: the answer alone, without an environment. */
    static RewardResult gradeAnswer(RewardCheck check, Task task, AgentOutput output) {
        try {
            return check.check(task, output, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while grading", e);
        }
    }

    static Task task(Object expected) {
        return TaskBuilder.task("task-7").prompt("the question").answer(expected).build();
    }
}
