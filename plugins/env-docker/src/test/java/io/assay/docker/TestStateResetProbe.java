package io.assay.docker;

import static io.assay.docker.SandboxAuditFixture.example;
import static io.assay.docker.SandboxAuditFixture.of;
import static io.assay.docker.SandboxAuditFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.environment.Environments;
import io.assay.core.suite.SuiteRepository;
import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.RewardResult;
import io.assay.spi.RunInfo;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import io.assay.testkit.ScriptedAuditContext;
import io.assay.testkit.TrialRecords;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerRequirement.class)
class TestStateResetProbe {
    private static final String PROBE = "state-reset";

    @TempDir
    Path temp;

    @Test
    void namesExactlyTheTaskWhoseContainersStartDifferently() {
        List<Finding> findings = of(example("terminal-flawed"), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactly("seed-digest");
        Finding finding = findings.getFirst();
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.abc()).containsExactly("T.4");
        assertThat(finding.message()).contains("/app/seed.txt", "Fix:");
        assertThat(finding.evidence()).containsEntry("differing_paths", 1).doesNotContainKey("markers_from_first_trial");
    }

    @Test
    void cleanSuiteHasNoFinding() {
        assertThat(of(example("terminal"), PROBE)).isEmpty();
    }

    @Test
    void aRuntimeThatReusesTheContainerLeaksTheFirstTrialsMarkers() throws Exception {
        task(temp, "simple", "Write ok to /app/out.txt.\n", "",
                "#!/bin/bash\nmkdir -p /logs/verifier\necho 0 > /logs/verifier/reward.txt\n", null);
        Suite suite = SandboxAuditFixture.INJECTOR.getInstance(SuiteRepository.class).load(temp);
        try (Environment environment = SandboxAuditFixture.INJECTOR.getInstance(Environments.class)
                .create(suite.environment(), new RunInfo("state-reset-test", temp, suite.id(), null));
             ReusedSession reused = new ReusedSession(suite, environment)) {
            ScriptedAuditContext context = ScriptedAuditContext.of(suite).withRepeats(1).withAgentTrials(reused::trial);

            List<Finding> findings = context.audit(new StateResetProbe());

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.task()).isEqualTo("simple");
                assertThat(finding.message()).contains("first trial wrote", "Fix:");
                assertThat((List<Object>) finding.evidence().get("markers_from_first_trial")).hasSize(2);
                assertThat((List<Object>) finding.evidence().get("differences")).hasSize(2).allSatisfy(difference ->
                        assertThat((Map<Object, Object>) difference).containsEntry("first", "(absent)"));
            });
        }
    }

    /** A broken runtime: every trial runs in the first trial's container. */
    private static final class ReusedSession implements AutoCloseable {
        private final Suite suite;
        private final Environment environment;
        private EnvironmentSession session;

        ReusedSession(Suite suite, Environment environment) {
            this.suite = suite;
            this.environment = environment;
        }

        synchronized TrialRecord trial(Agent agent, Task task, int epoch) throws Exception {
            if (session == null) {
                session = environment.start(task, 0);
            }
            return TrialRecords.completed(suite, task, epoch, agent.act(new AgentInput(task, epoch, 0, session)),
                    RewardResult.fail("not graded"));
        }

        @Override
        public void close() throws Exception {
            if (session != null) {
                session.close();
            }
        }
    }
}
