package io.assay.docker;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.Optional;

/**
 * {@code reward: {type: harbor-tests}}: grades the trial's container, not the answer, by running
 * the task's {@code tests/test.sh} after the agent and reading the reward it writes
 * ({@link ContainerSession#verify()}). A verifier that breaks is a harness error, never a 0.
 */
public final class HarborTestsCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "harbor-tests";
    }

    @Override
    public String description() {
        return "runs the task's tests/test.sh in the trial's container and reads /logs/verifier/reward.txt or reward.json";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type");
        return new HarborTestsCheck();
    }

    private static final class HarborTestsCheck implements RewardCheck {

        @Override
        public Grades grades() {
            return Grades.END_STATE;
        }

        @Override
        public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment)
                throws InterruptedException {
            if (environment.orElse(null) instanceof ContainerSession container) {
                return container.verify();
            }
            throw new EnvironmentException("harbor-tests grades a docker sandbox, but task " + task.id()
                    + environment.map(session -> " ran in " + session.getClass().getName()).orElse(" was graded without one")
                    + "; use environment type docker");
        }
    }
}
