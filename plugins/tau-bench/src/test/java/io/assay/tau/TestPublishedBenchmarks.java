package io.assay.tau;

import static io.assay.tools.ToolAuditFixture.audit;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditFormats;
import io.assay.core.audit.AuditReport;
import io.assay.core.audit.ChecklistItem;
import io.assay.spi.Finding;
import io.assay.spi.Outcome;
import io.assay.spi.Suite;
import io.assay.spi.ToolCall;
import io.assay.spi.TrialRecord;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** tau-bench and tau2-bench on their own published files: the gold replays, the oracle, do-nothing, the audit. */
class TestPublishedBenchmarks {

    /**
     * Every gold action of every task is replayed by the oracle on the initial database; the ones the
     * domain refuses are a benchmark finding, which the audit's gold-replay probe must report, task
     * for task, and none of them may crash a trial. The airline data has none; docs/benchmarks.md
     * lists the retail ones.
     */
    @ParameterizedTest
    @FieldSource("io.assay.tau.PublishedBenchmarks#FOLDERS")
    void everyGoldActionReplaysOrTheAuditReportsTheTask(String folder) throws Exception {
        List<TrialRecord> trials = PublishedBenchmarks.trials(folder, "oracle");
        Set<String> refused = trials.stream().filter(t -> t.output().trace().stream()
                        .flatMap(step -> ToolCall.from(step).stream()).anyMatch(call -> call.result().error()))
                .map(TrialRecord::task).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reported = audit(PublishedBenchmarks.folder(folder)).findings().stream()
                .filter(f -> f.probe().equals("tool-gold-replay")).map(Finding::task)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(trials).hasSize(PublishedBenchmarks.load(folder).tasks().size());
        assertThat(trials).as("trials the harness could not finish")
                .noneMatch(t -> t.outcome() == Outcome.HARNESS_ERROR || t.outcome() == Outcome.AGENT_ERROR);
        assertThat(reported).as("tasks whose gold actions the domain refuses").isEqualTo(refused);
        if (folder.contains("airline")) {
            assertThat(refused).isEmpty();
        }
    }

    /** Without --judge-model, tau2's natural-language assertions are judge errors: never a pass, never a fail. */
    @Test
    void tau2RetailsAssertionsAreJudgeErrorsWithoutAJudgeModel() throws Exception {
        List<TrialRecord> trials = PublishedBenchmarks.trials("tau-bench/tau2/retail", "oracle");

        assertThat(trials).filteredOn(t -> t.outcome() == Outcome.JUDGE_ERROR).hasSize(40)
                .allSatisfy(t -> assertThat(t.error()).contains("--judge-model"));
        assertThat(trials).filteredOn(t -> t.outcome() == Outcome.COMPLETED).hasSize(74).allMatch(TrialRecord::passed);
    }

    /** The audit cannot check a judged task without a judge: it says so, and calls no task unsolvable for it. */
    @Test
    void withoutAJudgeModelTheAuditSaysTheJudgedTasksAreNotKnownToBeSolvable() throws Exception {
        String folder = "tau-bench/tau2/retail";
        long judged = PublishedBenchmarks.load(folder).tasks().stream()
                .filter(task -> !((List<?>) ((java.util.Map<?, ?>) task.answer()).get("nl_assertions")).isEmpty()).count();

        assertThat(audit(PublishedBenchmarks.folder(folder)).findings()).filteredOn(f -> f.probe().equals("solvability"))
                .hasSize((int) judged).allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
                    assertThat(f.message()).startsWith("Whether the task can be solved as graded is not known")
                            .contains("--judge-model");
                });
    }

    @Test
    void tau2AirlineScoresOneWithTheOracleAndTheAuditedShareWithNullAgent() throws Exception {
        String folder = "tau-bench/tau2/airline";
        List<TrialRecord> oracle = PublishedBenchmarks.trials(folder, "oracle");
        List<TrialRecord> nothing = PublishedBenchmarks.trials(folder, "null");
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
        assertThat(report.checklist()).as("the gold-replay and state-sensitivity probes ran on the real database")
                .filteredOn(item -> item.probes().contains("tool-gold-replay") || item.probes().contains("tool-state-sensitivity"))
                .isNotEmpty().allMatch(item -> item.status() != ChecklistItem.Status.NOT_APPLICABLE
                        && item.status() != ChecklistItem.Status.NOT_CHECKED);
    }

    private static Finding doNothingShare(AuditReport report) {
        return report.findings().stream()
                .filter(f -> f.probe().equals("tool-do-nothing") && f.severity() == Finding.Severity.INFO)
                .findFirst().orElseThrow(() -> new AssertionError("no do-nothing share in " + report.findings()));
    }
}
