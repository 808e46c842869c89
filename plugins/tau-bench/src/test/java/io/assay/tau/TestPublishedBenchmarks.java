package io.assay.tau;

import static io.assay.tools.ToolAuditFixture.audit;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditFormats;
import io.assay.core.audit.AuditReport;
import io.assay.spi.Finding;
import io.assay.spi.Outcome;
import io.assay.spi.Suite;
import io.assay.spi.TrialRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** tau-bench and tau2-bench on their own published files: the gold replays, the oracle, do-nothing, the audit. */
class TestPublishedBenchmarks {

    @TempDir
    Path temp;

    /**
     * Every gold action of every task replays without a tool error: the oracle replays them in its
     * trial, and the state check replays them again on a fresh copy, so a failing action is an
     * error trial naming it. A failure here is a benchmark finding to report, not to hide.
     */
    @ParameterizedTest
    @FieldSource("io.assay.tau.PublishedBenchmarks#FOLDERS")
    void everyGoldActionReplaysWithoutAToolError(String folder) throws Exception {
        List<TrialRecord> trials = PublishedBenchmarks.run(folder, "oracle", temp.resolve("run"));

        assertThat(trials).hasSize(PublishedBenchmarks.load(folder).tasks().size());
        assertThat(trials).as("harness errors: a gold action failed when the state check replayed it")
                .noneMatch(t -> t.outcome() == Outcome.HARNESS_ERROR || t.outcome() == Outcome.AGENT_ERROR);
        assertThat(trials).flatExtracting(t -> t.output().trace())
                .filteredOn(step -> step.kind().equals("tool_call"))
                .as("tool calls of the oracle that returned an error")
                .noneMatch(step -> Boolean.TRUE.equals(step.data().get("error")));
    }

    /** Without --judge-model, tau2's natural-language assertions are judge errors: never a pass, never a fail. */
    @Test
    void tau2RetailsAssertionsAreJudgeErrorsWithoutAJudgeModel() throws Exception {
        List<TrialRecord> trials = PublishedBenchmarks.run("tau-bench/tau2/retail", "oracle", temp.resolve("run"));

        assertThat(trials).filteredOn(t -> t.outcome() == Outcome.JUDGE_ERROR).hasSize(40)
                .allSatisfy(t -> assertThat(t.error()).contains("--judge-model"));
        assertThat(trials).filteredOn(t -> t.outcome() == Outcome.COMPLETED).hasSize(74).allMatch(TrialRecord::passed);
    }

    @Test
    void tau2AirlineScoresOneWithTheOracleAndTheAuditedShareWithNullAgent() throws Exception {
        String folder = "tau-bench/tau2/airline";
        List<TrialRecord> oracle = PublishedBenchmarks.run(folder, "oracle", temp.resolve("oracle"));
        List<TrialRecord> nothing = PublishedBenchmarks.run(folder, "null", temp.resolve("null"));
        Finding share = doNothingShare(audit(PublishedBenchmarks.folder(folder)));

        assertThat(oracle).hasSize(50).allMatch(TrialRecord::passed);
        long passedByNothing = nothing.stream().filter(TrialRecord::passed).count();
        assertThat(share.evidence()).containsEntry("passed", (int) passedByNothing).containsEntry("tasks", 50);
    }

    @Test
    void theAuditFindsThatADoNothingAgentPasses38PercentOfTauBenchAirline() {
        AuditReport report = audit(PublishedBenchmarks.folder("tau-bench/tau1/airline"));

        Finding share = doNothingShare(report);
        assertThat(share.message()).startsWith("a do-nothing agent scores 19 of 50 tasks (38.0%)");
        assertThat(AuditFormats.text(report)).contains("a do-nothing agent scores 19 of 50 tasks (38.0%)")
                .contains("[tool-do-nothing] 19 tasks: 12, 13, 15, 17, 18, 21, 24, 29, 35, 36, 37, 38, 39, 40, 41, 42, 47, 48, 49");
        assertThat(AuditFormats.markdown(report)).contains("- `tool-do-nothing`: a do-nothing agent scores 19 of 50 tasks (38.0%)");
        assertThat(report.findings()).filteredOn(f -> f.probe().equals("tool-do-nothing") && f.task() != null)
                .hasSize(19).allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
                    assertThat(f.message()).contains("leave the state unchanged", "nothing");
                });
    }

    @ParameterizedTest
    @FieldSource("io.assay.tau.PublishedBenchmarks#FOLDERS")
    void theAuditNamesEveryTaskADoNothingAgentPasses(String folder) throws Exception {
        AuditReport report = audit(PublishedBenchmarks.folder(folder));
        Suite suite = PublishedBenchmarks.load(folder);

        Finding share = doNothingShare(report);
        long named = report.findings().stream().filter(f -> f.probe().equals("tool-do-nothing") && f.task() != null).count();
        assertThat(share.evidence()).containsEntry("passed", (int) named).containsEntry("tasks", suite.tasks().size());
        assertThat(report.findings()).as("the gold-replay probe ran on the real database")
                .noneMatch(f -> f.probe().equals("tool-gold-replay") && f.severity() == Finding.Severity.ERROR);
        assertThat(report.checklist()).anyMatch(item -> item.probes().contains("tool-state-sensitivity")
                && item.status() != io.assay.core.audit.ChecklistItem.Status.NOT_APPLICABLE);
    }

    private static Finding doNothingShare(AuditReport report) {
        return report.findings().stream()
                .filter(f -> f.probe().equals("tool-do-nothing") && f.severity() == Finding.Severity.INFO)
                .findFirst().orElseThrow(() -> new AssertionError("no do-nothing share in " + report.findings()));
    }
}
