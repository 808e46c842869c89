package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text, JSON and the Markdown card say the same about every checklist item, in plain English. */
class TestAuditFormats {

    @TempDir
    Path temp;

    @Test
    void oneTaskAndOneWarningAreSingular() {
        Path suite = AuditFixture.suite(temp, "id: one\nmeasures: addition\nreward:\n  type: numeric\n  extract: last\n",
                "{\"id\": \"only\", \"prompt\": \"What is 2 + 2?\", \"answer\": 4}");

        AuditReport report = AuditFixture.audit(suite);

        assertThat(report.summary()).containsEntry("warning", 1L); // no canary
        assertThat(AuditFormats.text(report)).contains("Audit of one: 1 task, probes", "0 errors, 1 warning, ")
                .doesNotContain("1 tasks", "1 warnings");
        assertThat(AuditFormats.markdown(report)).contains("1 task, probes", "0 errors, 1 warning, ")
                .doesNotContain("1 tasks", "1 warnings");
    }

    @Test
    void everyFormatShowsTheChecklistStatuses() throws Exception {
        AuditReport report = AuditFixture.audit(AuditFixture.example("flawed/answer-stuffing"));

        JsonNode json = Json.MAPPER.readTree(AuditFormats.json(report));
        String markdown = AuditFormats.markdown(report);
        String text = AuditFormats.text(report);

        assertThat(json.path("checklist")).hasSize(AbcChecklist.items().size());
        for (int i = 0; i < report.checklist().size(); i++) {
            ChecklistItem item = report.checklist().get(i);
            JsonNode node = json.path("checklist").get(i);
            assertThat(node.path("item").asText()).isEqualTo(item.item());
            assertThat(node.path("status").asText()).isEqualTo(item.status().label());
            assertThat(node.path("why").asText()).isEqualTo(item.why());
            assertThat(markdown).contains("| " + item.item() + " | " + AbcChecklist.items().get(item.item()) + " | "
                    + item.status().label() + " | " + item.why());
        }
        assertThat(text).contains("  fail         O.b.1 O.b.2\n", "  warning      O.a.1\n")
                .contains("  n/a          O.g.2, O.g.3 (no tool environment)\n")
                .containsPattern("  not checked  T\\.1 T\\.2 ")
                .containsPattern("  pass         T\\.5 ");
        assertThat(json.path("checklist").findValuesAsText("status")).isSubsetOf(
                List.of("pass", "fail", "warning", "n/a", "not checked"));
    }
}
