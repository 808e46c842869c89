package io.assay.testkit;

import io.assay.spi.AgentOutput;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Trial records a test scripts instead of running trials: one attempt, seed 0, started at the
 * epoch, no time spent, so two records of the same trial are equal.
 *
 * <pre>{@code
 * TrialRecord solved = TrialRecords.completed(suite, task, 0, AgentOutput.of("Paris"), RewardResult.pass("equal"));
 * TrialRecord hung = TrialRecords.ended(suite, task, 1, Outcome.TIMEOUT, "no answer within 30 s");
 * }</pre>
 */
public final class TrialRecords {

    private TrialRecords() {
    }

    /** A trial in which the agent answered {@code output} and the check graded it {@code reward}. */
    public static TrialRecord completed(Suite suite, Task task, int epoch, AgentOutput output, RewardResult reward) {
        return new TrialRecord(suite.id(), task.id(), epoch, 0, Outcome.COMPLETED, output, reward, null, 1,
                Instant.EPOCH, Duration.ZERO, Duration.ZERO);
    }

    /** A trial that ended without a grade: the agent failed or timed out, or the harness or the judge broke. */
    public static TrialRecord ended(Suite suite, Task task, int epoch, Outcome outcome, String error) {
        if (outcome == Outcome.COMPLETED) {
            throw new IllegalArgumentException("a completed trial has a grade: use TrialRecords.completed for task "
                    + task.id());
        }
        return new TrialRecord(suite.id(), task.id(), epoch, 0, outcome, null, null,
                Objects.requireNonNull(error, "error"), 1, Instant.EPOCH, Duration.ZERO, Duration.ZERO);
    }
}
