package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.AddedProbe;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.TaskSelection;
import io.assay.spi.Agent;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A probe's ungraded trial runs its agent in the environment as a trial does but skips the reward
 * check, which for a sandbox is most of a trial's cost besides its container.
 */
class TestUngradedTrials {
    private static final Auditor AUDITOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Auditor.class);

    @Test
    void anUngradedTrialRunsTheAgentAndNoCheck() throws Exception {
        AtomicReference<TrialRecord> graded = new AtomicReference<>();
        AtomicReference<TrialRecord> ungraded = new AtomicReference<>();
        Agent answering = input -> AgentOutput.of("B");
        AuditProbe probe = new AuditProbe() {
            @Override
            public String name() {
                return "looks-around";
            }

            @Override
            public List<String> covers() {
                return List.of("R.3");
            }

            @Override
            public List<Finding> audit(AuditContext context) throws Exception {
                graded.set(context.trial(answering, context.suite().tasks().getFirst(), 0));
                ungraded.set(context.ungradedTrial(answering, context.suite().tasks().getFirst(), 0));
                return List.of();
            }
        };

        AUDITOR.audit(AuditFixture.example("multiple-choice"), new AuditSettings(1, Duration.ofSeconds(30),
                List.of("looks-around"), TaskSelection.ALL, 0, Options.empty(), Map.of(), List.of(AddedProbe.of(probe)), 1),
                started -> { });

        assertThat(graded.get().reward()).isNotNull();
        assertThat(ungraded.get().reward()).isNull();
        assertThat(ungraded.get().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(ungraded.get().error()).isNull();
        assertThat(ungraded.get().output().answer()).isEqualTo("B");
    }
}
