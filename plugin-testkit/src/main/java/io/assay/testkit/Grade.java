package io.assay.testkit;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.Optional;

/**
 * Runs a reward check on an answer, as the harness grades a trial. Exceptions the check throws
 * (an {@code IllegalArgumentException} for a task it cannot grade, a {@code VerdictException} from
 * a judge) reach the test as they are.
 *
 * <pre>{@code
 * Task task = TaskBuilder.task("q1").answer("Paris").build();
 * RewardResult result = Grade.answer(check, task, "  paris ");
 * assertTrue(result.passed(), result.explanation());
 * }</pre>
 */
public final class Grade {

    private Grade() {
    }

    /** Grades a bare answer, with no trace. */
    public static RewardResult answer(RewardCheck check, Task task, String answer) throws InterruptedException {
        return output(check, task, AgentOutput.of(answer));
    }

    /**
     * Grades an agent's whole output, trace included, outside any trial (as validation and audits do).
     *
     * @throws IllegalStateException when the check grades the environment's end state, which needs {@link #inSession}
     */
    public static RewardResult output(RewardCheck check, Task task, AgentOutput output) throws InterruptedException {
        if (check.grades() == RewardCheck.Grades.END_STATE) {
            throw new IllegalStateException("the check grades the environment's end state, not an answer:"
                    + " grade it with Grade.inSession and the trial's session");
        }
        return check.check(task, output, Optional.empty());
    }

    /**
     * Grades with a trial's environment session still open, as the harness does before it closes
     * the session: for checks that grade the environment's end state.
     */
    public static RewardResult inSession(RewardCheck check, Task task, AgentOutput output, EnvironmentSession session)
            throws InterruptedException {
        return check.check(task, output, Optional.of(session));
    }
}
