package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAuditCommand {

    @TempDir
    Path temp;

    @Test
    void cleanSuitePassesWithExitCodeZero() {
        CliResult result = run("audit", example("multiple-choice"));

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Audit of multiple-choice: 12 tasks").contains("0 errors, 0 warnings");
        assertThat(result.err()).contains("audit: solvability");
    }

    @Test
    void jsonHasExactlyTheContractedShape() throws Exception {
        CliResult result = run("audit", example("flawed/answer-stuffing"), "--format", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = Json.MAPPER.readTree(result.out());
        assertThat(fieldNames(report)).containsExactly("suite", "findings", "summary");
        assertThat(report.path("findings")).isNotEmpty();
        for (JsonNode finding : report.path("findings")) {
            assertThat(fieldNames(finding)).containsExactly("probe", "abc", "severity", "task", "message", "evidence");
            assertThat(finding.path("severity").asText()).isIn("error", "warning", "info");
        }
        assertThat(report.path("summary").path("error").asInt()).isPositive();
    }

    @Test
    void markdownIsAReportCard() throws Exception {
        Path card = temp.resolve("card.md");
        CliResult result = run("audit", example("arithmetic"), "--format", "markdown", "--output", card.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String markdown = Files.readString(card);
        assertThat(markdown).startsWith("# ABC report card: arithmetic")
                .contains("| item | what it asks | result |")
                .contains("| T.9 | a reference (oracle) solver actually solves every task | pass |")
                .contains("## Trivial-agent baselines (R.13)");
    }

    @Test
    void failOnWarningTightensTheExitCode() {
        assertThat(run("audit", example("flawed/missing-reporting")).exitCode()).isZero();
        assertThat(run("audit", example("flawed/missing-reporting"), "--fail-on", "warning").exitCode()).isEqualTo(1);
    }

    @Test
    void badInputExitsWithTwo() {
        CliResult missing = run("audit", temp.resolve("nowhere").toString());
        CliResult unknownProbe = run("audit", example("arithmetic"), "--probe", "telepathy");
        CliResult badRepeats = run("audit", example("arithmetic"), "--repeats", "0");

        for (CliResult result : List.of(missing, unknownProbe, badRepeats)) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: ").doesNotContain("\tat ");
        }
        assertThat(unknownProbe.err()).contains("unknown audit probe 'telepathy'").contains("solvability");
    }

    @Test
    void runRecordsTrivialBaselinesInTheSummary() throws Exception {
        Path out = temp.resolve("run");
        CliResult result = run("run", example("multiple-choice"), "--agent", "oracle", "--baselines",
                "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode baselines = Json.MAPPER.readTree(out.resolve("summary.json").toFile()).path("baselines");
        assertThat(baselines.path("empty").asDouble(-1)).isZero();
        assertThat(baselines.path("letter-A").asDouble()).isEqualTo(0.25);
        assertThat(result.out()).contains("baselines  empty 0.000");
        assertThat(Json.MAPPER.readTree(run("report", out.toString(), "--format", "json").out()).path("baselines"))
                .isEqualTo(baselines);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
