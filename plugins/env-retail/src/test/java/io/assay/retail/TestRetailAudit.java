package io.assay.retail;

import static io.assay.tools.ToolAuditFixture.audit;
import static io.assay.tools.ToolAuditFixture.example;
import static io.assay.tools.ToolAuditFixture.toolErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditReport;
import io.assay.core.audit.ChecklistItem;
import io.assay.spi.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole audit of the retail examples: the clean suite stays clean, each flawed one is caught by its probe. */
class TestRetailAudit {

    @Test
    void theRetailSuiteHasNoErrorsOrWarningsFromAnyProbe() {
        AuditReport report = audit(example("retail"));

        assertThat(report.findings()).filteredOn(f -> f.severity() != Finding.Severity.INFO).isEmpty();
        assertThat(report.findings()).anyMatch(f -> f.probe().equals("tool-do-nothing")
                && f.message().startsWith("a do-nothing agent scores 0 of 40 tasks"));
    }

    @Test
    void probesThatGradeAnswersDoNotApplyToAStateGradedSuite() {
        AuditReport report = audit(example("retail"));

        assertThat(report.checklist()).filteredOn(item -> item.item().equals("O.a.1")).singleElement()
                .isEqualTo(new ChecklistItem("O.a.1", ChecklistItem.Status.NOT_APPLICABLE, List.of("equivalence"),
                        "no task is graded on its answer"));
        assertThat(report.checklist()).filteredOn(item -> item.item().equals("O.g.2")).singleElement()
                .isEqualTo(new ChecklistItem("O.g.2", ChecklistItem.Status.PASS, List.of("tool-state-sensitivity"),
                        "no flaw found"));
    }

    @ParameterizedTest
    @CsvSource({
            "retail-do-nothing, tool-do-nothing cancel-delivered, tool-do-nothing cancel-processed",
            "retail-database-dump, tool-database-dump tracking-number, ",
            "retail-gold-fails, tool-gold-replay cancel-delivered, ",
            "retail-partial-state, tool-state-sensitivity cancel-pending, "})
    void eachFlawedRetailSuiteIsCaughtOnItsTasksByItsProbeAlone(String suite, String first, String second) {
        AuditReport report = audit(example("flawed/" + suite));

        assertThat(toolErrors(report)).containsExactlyInAnyOrderElementsOf(
                second == null ? List.of(first) : List.of(first, second));
    }
}
