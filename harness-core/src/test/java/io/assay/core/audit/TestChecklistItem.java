package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.ChecklistItem.Status;
import io.assay.core.audit.ProbeRun.State;
import io.assay.spi.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every checklist item gets exactly one status, and {@code pass} only where an applicable probe ran. */
class TestChecklistItem {

    @Test
    void everyItemOnceInChecklistOrder() {
        AuditReport report = AuditFixture.audit(AuditFixture.example("multiple-choice"));

        assertThat(report.checklist()).extracting(ChecklistItem::item)
                .containsExactlyElementsOf(AbcChecklist.items().keySet());
    }

    @Test
    void passWhenAnApplicableProbeRanAndFoundNothing() {
        AuditReport report = AuditFixture.audit(AuditFixture.example("multiple-choice"));

        assertThat(item(report, "T.9")).isEqualTo(new ChecklistItem("T.9", Status.PASS, List.of("solvability"),
                "no flaw found"));
        // Info findings are context, not flaws: the item passes and says there is something to read.
        assertThat(item(report, "R.10")).isEqualTo(new ChecklistItem("R.10", Status.PASS, List.of("reporting"),
                "no flaw found; 1 info finding"));
    }

    @Test
    void notApplicableWhenOnlyProbesWithNothingToExamineCoverIt() {
        AuditReport report = AuditFixture.audit(AuditFixture.example("multiple-choice"));

        assertThat(item(report, "O.g.2")).isEqualTo(new ChecklistItem("O.g.2", Status.NOT_APPLICABLE,
                List.of("tool-state-sensitivity"), "no tool environment"));
        assertThat(item(report, "O.g.3").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void probesThatDoNotApplyAreNeitherRunNorListedAsRun() {
        List<String> started = new ArrayList<>();
        AuditReport report = AuditFixture.audit(AuditFixture.example("multiple-choice"), List.of(), started::add);
        List<String> toolProbes = List.of("tool-do-nothing", "tool-database-dump", "tool-gold-replay",
                "tool-state-sensitivity");

        assertThat(started).contains("solvability").doesNotContainAnyElementsOf(toolProbes);
        assertThat(report.summary().get("probes")).isEqualTo(started);
        Map<String, String> expected = new LinkedHashMap<>();
        toolProbes.forEach(probe -> expected.put(probe, "no tool environment"));
        assertThat(report.summary().get("not_applicable")).isEqualTo(expected);
    }

    @Test
    void failAndWarningCountTheFindingsCitingTheItem() {
        AuditReport stuffing = AuditFixture.audit(AuditFixture.example("flawed/answer-stuffing"));
        AuditReport reporting = AuditFixture.audit(AuditFixture.example("flawed/missing-reporting"));

        // Three tasks, one cause: one error.
        assertThat(item(stuffing, "O.b.2")).isEqualTo(new ChecklistItem("O.b.2", Status.FAIL,
                List.of("answer-stuffing"), "1 error"));
        assertThat(item(reporting, "R.3")).isEqualTo(new ChecklistItem("R.3", Status.WARNING,
                List.of("reporting"), "1 warning"));
    }

    @Test
    void notCheckedWhenNoProbeCoversItOrItsProbesWereLeftOut() {
        AuditReport report = AuditFixture.audit(AuditFixture.example("multiple-choice"), List.of("solvability"));

        assertThat(item(report, "T.1")).isEqualTo(new ChecklistItem("T.1", Status.NOT_CHECKED, List.of(),
                "Assay has no probe for it"));
        assertThat(item(report, "T.10").status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(item(report, "T.10").why()).isEqualTo("its probes were not selected (--probe)");
        assertThat(item(report, "T.10").probes()).contains("trivial-agents");
        assertThat(item(report, "T.9").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aCrashedProbeNeverReadsAsPass() {
        List<ProbeRun> runs = List.of(new ProbeRun("steady", List.of("O.f.2"), State.RAN, null),
                new ProbeRun("brittle", List.of("O.f.2"), State.CRASHED, null));

        ChecklistItem crashed = item(ChecklistItem.of(runs, List.of()), "O.f.2");
        ChecklistItem warned = item(ChecklistItem.of(runs, FindingGroup.of(List.of(new Finding("steady",
                List.of("O.f.2"), Finding.Severity.WARNING, "t1", "flaky", Map.of())))), "O.f.2");

        assertThat(crashed).isEqualTo(new ChecklistItem("O.f.2", Status.NOT_CHECKED, List.of("brittle"), "brittle crashed"));
        assertThat(warned.status()).isEqualTo(Status.WARNING);
    }

    @Test
    void aProbeThatCouldNotRunLeavesItsItemsUncheckedEvenWhereAnotherPassedThem() {
        List<ProbeRun> runs = List.of(new ProbeRun("reporting", List.of("R.3"), State.RAN, null),
                new ProbeRun("memorization", List.of("R.3"), State.UNAVAILABLE, "needs --model"));

        ChecklistItem unchecked = item(ChecklistItem.of(runs, List.of()), "R.3");
        ChecklistItem warned = item(ChecklistItem.of(runs, FindingGroup.of(List.of(new Finding("reporting",
                List.of("R.3"), Finding.Severity.WARNING, null, "no canary", Map.of())))), "R.3");

        assertThat(unchecked).isEqualTo(new ChecklistItem("R.3", Status.NOT_CHECKED, List.of("memorization"),
                "memorization needs --model"));
        assertThat(warned.status()).isEqualTo(Status.WARNING);
    }

    private static ChecklistItem item(AuditReport report, String id) {
        return item(report.checklist(), id);
    }

    private static ChecklistItem item(List<ChecklistItem> checklist, String id) {
        return checklist.stream().filter(item -> item.item().equals(id)).findFirst().orElseThrow();
    }
}
