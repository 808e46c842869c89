package io.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.EnvironmentException;
import io.assay.spi.Finding;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestScriptedAuditContext {
    private static final Task PARIS = TaskBuilder.task("fr").prompt("Capital of France?").answer("Paris").build();
    private static final Task LIMA = TaskBuilder.task("pe").prompt("Capital of Peru?").answer("Lima")
            .reward(Specs.reward("not", "check", Map.of("type", "contains"))).build();
    private static final Suite SUITE = SuiteBuilder.suite("capitals").reward(Specs.reward("contains"))
            .task(PARIS, LIMA).build();

    /** Reports each task whose check passes an empty answer; applies only to suites without an environment. */
    private static final class EmptyAnswerProbe implements AuditProbe {
        @Override
        public String name() {
            return "empty-answer";
        }

        @Override
        public List<Finding> audit(AuditContext context) throws Exception {
            List<Finding> findings = new ArrayList<>();
            for (Task task : context.suite().tasks()) {
                if (Grade.answer(context.check(task), task, "").passed()) {
                    findings.add(new Finding(name(), List.of("T.10"), Finding.Severity.ERROR, task.id(),
                            "an empty answer passes", Map.of()));
                }
            }
            return findings;
        }

        @Override
        public Optional<String> notApplicable(AuditContext context) {
            return "none".equals(context.suite().environment().get("type")) ? Optional.empty()
                    : Optional.of("no plain answers");
        }
    }

    @Test
    void runsAProbeAndReturnsItsFindings() throws Exception {
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE).withChecks(Checks.of(new TestChecks.Plugin()));

        assertThat(context.audit(new EmptyAnswerProbe())).singleElement().satisfies(finding -> {
            assertThat(finding.task()).isEqualTo("pe");
            assertThat(finding.message()).isEqualTo("an empty answer passes");
        });
    }

    @Test
    void aProbeThatDoesNotApplyIsNotRunAndSaysWhy() {
        Suite sandboxed = SuiteBuilder.suite("terminal").environment(Specs.environment("docker")).task(PARIS).build();

        assertThatThrownBy(() -> ScriptedAuditContext.of(sandboxed).audit(new EmptyAnswerProbe()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("probe 'empty-answer' does not apply to suite 'terminal': no plain answers");
    }

    @Test
    void oneCheckMayGradeEveryTask() throws Exception {
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE).withCheck((task, output, environment) -> RewardResult.pass("any"));

        assertThat(context.audit(new EmptyAnswerProbe())).extracting(Finding::task).containsExactly("fr", "pe");
    }

    @Test
    void whatTheTestDidNotScriptFailsNamingIt() {
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE);

        assertThatThrownBy(() -> context.check(PARIS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no reward check for task 'fr'");
        assertThatThrownBy(() -> context.trial("oracle", PARIS, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no trials of agent 'oracle' (task 'fr')")
                .hasMessageContaining("withTrials(\"oracle\", ...)");
        assertThatThrownBy(() -> ScriptedAuditContext.of(SuiteBuilder.suite("bare").task(PARIS).build())
                .withChecks(Checks.of(new TestChecks.Plugin())).check(PARIS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task 'fr' has no reward spec and suite 'bare' no default");
    }

    @Test
    void scriptedTrialsAreWhatTheRegisteredAgentReturns() throws Exception {
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE)
                .withTrials("null", (task, epoch) -> TrialRecords.ended(SUITE, task, epoch, Outcome.TIMEOUT, "hung"));

        TrialRecord record = context.trial("null", LIMA, 2);

        assertThat(record).isEqualTo(TrialRecords.ended(SUITE, LIMA, 2, Outcome.TIMEOUT, "hung"));
    }

    @Test
    void aGivenAgentRunsWithoutAnEnvironmentAndIsGradedByTheTasksCheck() throws Exception {
        // The agent is given before the checks: its trials are graded by the checks the context has in the end.
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE)
                .withAgent("oracle", input -> {
                    input.environment().close();
                    return AgentOutput.of(String.valueOf(input.task().solution()));
                })
                .withChecks(Checks.of(new TestChecks.Plugin()));

        TrialRecord paris = context.trial("oracle", PARIS, 1);
        TrialRecord lima = context.trial("oracle", LIMA, 0);

        assertThat(paris).isEqualTo(TrialRecords.completed(SUITE, PARIS, 1, AgentOutput.of("Paris"),
                RewardResult.pass("contains it")));
        assertThat(lima.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(lima.reward()).isEqualTo(RewardResult.fail("inner check passed"));
    }

    @Test
    void anAgentsFailureIsItsOwnAndAnEnvironmentsFailureTheHarnesss() throws Exception {
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE);

        TrialRecord crashed = context.trial(input -> {
            throw new IllegalStateException("no idea");
        }, PARIS, 0);
        TrialRecord broken = context.trial(input -> {
            throw new EnvironmentException("docker is down");
        }, PARIS, 0);

        assertThat(crashed.outcome()).isEqualTo(Outcome.AGENT_ERROR);
        assertThat(crashed.error()).isEqualTo("java.lang.IllegalStateException: no idea");
        assertThat(broken.outcome()).isEqualTo(Outcome.HARNESS_ERROR);
        assertThat(broken.error()).contains("docker is down");
    }

    @Test
    void agentTrialsMayBeReplaced() throws Exception {
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE).withAgentTrials((agent, task, epoch) ->
                TrialRecords.completed(SUITE, task, epoch, agent.act(null), RewardResult.fail("not graded")));

        TrialRecord record = context.trial(input -> AgentOutput.of("ran"), PARIS, 3);

        assertThat(record.output().answer()).isEqualTo("ran");
        assertThat(record.reward().explanation()).isEqualTo("not graded");
    }

    @Test
    void repeatsAreThreeAsInAnAuditUnlessToldAndEachWithReturnsANewContext() {
        ScriptedAuditContext context = ScriptedAuditContext.of(SUITE);

        assertThat(context.repeats()).isEqualTo(3);
        assertThat(context.withRepeats(1).repeats()).isEqualTo(1);
        assertThat(context.repeats()).isEqualTo(3);
        assertThat(context.suite()).isSameAs(SUITE);
    }
}
