package io.assay.tools;

import static io.assay.tools.ToolAuditFixture.audit;
import static io.assay.tools.ToolAuditFixture.finding;
import static io.assay.tools.ToolAuditFixture.ledger;
import static io.assay.tools.ToolAuditFixture.toolErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.assay.core.audit.AuditReport;
import io.assay.spi.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four tool probes against small ledger suites whose flaws are known. */
class TestToolProbes {

    @Test
    void aCleanSuiteHasNoToolFindingsButItsDoNothingScore() {
        AuditReport report = audit(ledger("clean"));

        assertThat(toolErrors(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.probe().equals("tool-do-nothing")).singleElement()
                .satisfies(info -> {
                    assertThat(info.severity()).isEqualTo(Finding.Severity.INFO);
                    assertThat(info.message()).startsWith("a do-nothing agent scores 0 of 2 tasks (0.0%)");
                });
    }

    @Test
    void eachFlawIsReportedOnItsTaskByItsProbeAndNothingElse() {
        assertThat(toolErrors(audit(ledger("flawed")))).containsExactlyInAnyOrder(
                "tool-do-nothing look-only",
                "tool-database-dump read-balance",
                "tool-gold-replay too-much",
                "tool-gold-replay lottery");
    }

    @Test
    void doNothingSaysTheGoldActionsLeaveTheStateUnchangedAndGivesTheSuiteScore() {
        AuditReport report = audit(ledger("flawed"));

        Finding lookOnly = finding(report, "tool-do-nothing", "look-only");
        assertThat(lookOnly.abc()).containsExactly("O.g.3", "T.10");
        assertThat(lookOnly.message()).contains("gold actions leave the state unchanged");
        assertThat(lookOnly.evidence()).containsEntry("gold_changes_state", false);
        assertThat(report.findings()).filteredOn(f -> f.probe().equals("tool-do-nothing") && f.task() == null)
                .singleElement().extracting(Finding::message).asString()
                .startsWith("a do-nothing agent scores 1 of 4 tasks (25.0%)");
    }

    @Test
    void theDatabaseDumpPassesATaskWhoseOutputIsReadFromTheData() {
        Finding dump = finding(audit(ledger("flawed")), "tool-database-dump", "read-balance");

        assertThat(dump.abc()).containsExactly("O.b.2", "T.10");
        assertThat(dump.message()).contains("copied from the data");
        assertThat((Integer) dump.evidence().get("read_only_calls")).isPositive();
    }

    @Test
    void goldReplayNamesTheFailingActionAndTheNondeterministicOne() {
        AuditReport report = audit(ledger("flawed"));

        assertThat(finding(report, "tool-gold-replay", "too-much").message())
                .contains("gold action 1 of 1 (deposit", "deposits are limited to 100");
        Finding lottery = finding(report, "tool-gold-replay", "lottery");
        assertThat(lottery.abc()).containsExactly("T.7", "O.f.2");
        assertThat(lottery.message()).contains("different states", "nondeterministic");
        assertThat(lottery.evidence().get("state_hashes")).asInstanceOf(LIST).hasSizeGreaterThan(1);
    }

    @Test
    void aStateCheckThatIgnoresARecordIsCaughtWithTheChangeItMissed() {
        AuditReport report = audit(ledger("partial-state"));

        assertThat(toolErrors(report)).containsExactly("tool-state-sensitivity deposit-5");
        Finding finding = finding(report, "tool-state-sensitivity", "deposit-5");
        assertThat(finding.abc()).containsExactly("O.g.2");
        assertThat(finding.evidence().get("unnoticed_changes")).asInstanceOf(LIST).singleElement()
                .isEqualTo(Map.of("record", "accounts/acc_bo", "field", "balance",
                        "before", new java.math.BigDecimal("5.00"), "after", new java.math.BigDecimal("6.00")));
    }

    @Test
    void toolProbesDoNotApplyOutsideToolEnvironments() {
        AuditReport report = audit(ToolAuditFixture.example("arithmetic"));

        assertThat(report.findings()).noneMatch(f -> ToolAuditFixture.PROBES.contains(f.probe()));
        assertThat(report.summary().get("probes")).asInstanceOf(LIST).doesNotContainAnyElementsOf(ToolAuditFixture.PROBES);
        @SuppressWarnings("unchecked")
        Map<String, String> notApplicable = (Map<String, String>) report.summary().get("not_applicable");
        ToolAuditFixture.PROBES.forEach(probe -> assertThat(notApplicable).containsEntry(probe, "no tool environment"));
    }
}
