package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cause, one finding: a flaw shared by many tasks is reported once, listing them all. */
class TestFindingGroup {
    private static final int GSM8K_TASKS = 1319;

    @TempDir
    Path temp;

    @Test
    void aStrictNumericCheckOverGsm8kSizedSuiteIsOneWarningListingEveryTask() throws Exception {
        String[] tasks = IntStream.range(0, GSM8K_TASKS).mapToObj(i -> String.format(
                "{\"id\": \"q%04d\", \"prompt\": \"What is %d + %d?\", \"answer\": %d}", i, i, i, 2 * i)).toArray(String[]::new);
        Path suite = AuditFixture.suite(temp, "id: gsm-like\nreward:\n  type: numeric\n", tasks);

        AuditReport report = AuditFixture.audit(suite, List.of("equivalence"));

        assertThat(report.findings()).hasSize(GSM8K_TASKS); // per task, as probes report them
        assertThat(report.groups()).singleElement().satisfies(group -> {
            assertThat(group.tasks()).hasSize(GSM8K_TASKS).startsWith("q0000", "q0001").endsWith("q1318");
            assertThat(group.cause()).isEqualTo(
                    "renderings that mean the same as the reference are rejected (answer in a sentence, trailing explanation)");
        });
        assertThat(report.summary()).containsEntry("warning", 1L);

        JsonNode json = Json.MAPPER.readTree(AuditFormats.json(report));
        JsonNode finding = json.path("findings").get(0);
        assertThat(json.path("findings")).hasSize(1);
        assertThat(finding.path("tasks")).hasSize(GSM8K_TASKS);
        assertThat(finding.path("task").asText()).isEqualTo("q0000");
        assertThat(finding.path("instances")).hasSize(GSM8K_TASKS);
        JsonNode last = finding.path("instances").get(GSM8K_TASKS - 1);
        assertThat(last.path("task").asText()).isEqualTo("q1318");
        assertThat(last.path("evidence").path("reference").asText()).isEqualTo("2636");

        String text = AuditFormats.text(report);
        assertThat(text).contains("WARNINGS (1)")
                .contains("[equivalence] 1319 tasks: q0000, q0001, q0002, q0003, q0004 and 1314 more (O.a.2)")
                .contains("e.g. task q0000: ")
                .doesNotContain("q0005");
        assertThat(AuditFormats.markdown(report)).contains("1319 tasks (`q0000`, `q0001`, `q0002`, `q0003`, `q0004` and 1314 more)");
    }

    @Test
    void findingsWithoutACauseGroupByMessageAndSuiteFindingsStandAlone() {
        List<Finding> findings = List.of(
                finding("a", "t1", Severity.ERROR, "same", null),
                finding("a", "t2", Severity.ERROR, "same", null),
                finding("a", "t3", Severity.ERROR, "different", null),
                finding("a", "t4", Severity.WARNING, "same", null),
                finding("b", "t5", Severity.ERROR, "same", null),
                finding("a", "t6", Severity.ERROR, "t6 names its answer", "shared cause"),
                finding("a", "t7", Severity.ERROR, "t7 names its answer", "shared cause"),
                finding("a", null, Severity.INFO, "suite", null),
                finding("a", null, Severity.INFO, "suite", null));

        assertThat(FindingGroup.of(findings)).extracting(FindingGroup::tasks).containsExactly(
                List.of("t1", "t2"), List.of("t3"), List.of("t4"), List.of("t5"), List.of("t6", "t7"), List.of(), List.of());
    }

    private static Finding finding(String probe, String task, Severity severity, String message, String cause) {
        return new Finding(probe, List.of("T.7"), severity, task, message, Map.of(), cause);
    }
}
