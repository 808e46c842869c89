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
        assertThat(fieldNames(report)).containsExactly("suite", "findings", "checklist", "summary");
        assertThat(report.path("findings")).isNotEmpty();
        for (JsonNode finding : report.path("findings")) {
            List<String> fields = new ArrayList<>(List.of("probe", "abc", "severity", "task", "tasks", "cause", "message",
                    "evidence"));
            if (finding.path("tasks").size() > 1) {
                fields.add("instances");
                assertThat(finding.path("instances")).hasSameSizeAs(finding.path("tasks"));
            }
            assertThat(fieldNames(finding)).containsExactlyElementsOf(fields);
            assertThat(finding.path("severity").asText()).isIn("error", "warning", "info");
        }
        assertThat(report.path("findings")).anySatisfy(stuffing -> {
            assertThat(stuffing.path("probe").asText()).isEqualTo("answer-stuffing");
            assertThat(stuffing.path("tasks")).extracting(JsonNode::asText).containsExactly("australia", "canada", "brazil"); // the suite's order
        });
        assertThat(report.path("checklist")).hasSize(43);
        for (JsonNode item : report.path("checklist")) {
            assertThat(fieldNames(item)).containsExactly("item", "status", "probes", "why");
            assertThat(item.path("status").asText()).isIn("pass", "fail", "warning", "n/a", "not checked");
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
                .contains("| item | what it asks | status | why |")
                .contains("| T.9 | a reference (oracle) solver actually solves every task | pass | no flaw found (`solvability`) |")
                .contains("## Trivial-agent baselines (R.13)");
    }

    @Test
    void theReportCardOfAPlainQuestionSuiteClaimsNoSandboxJudgeOrToolCheck() {
        CliResult result = run("audit", example("multiple-choice"), "--format", "markdown");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(
                "| T.4 | no state leaks from one trial to the next | n/a | no sandbox |",
                "| O.c.1 | LLM judge: accuracy and agreement with humans is shown | n/a | no LLM judge |",
                "| O.c.2 | LLM judge: resists adversarial answers | n/a | no LLM judge |",
                "| O.d.2 | unit tests: test quality is measured | n/a | no sandbox |",
                "| O.g.2 | state matching: unrelated state is checked too | n/a | no tool environment |",
                "| O.g.3 | state matching: the expected state cannot be reached by trivial or no changes | n/a | "
                        + "no tool environment; no sandbox |",
                "| T.1 | tool and package versions are pinned and stated | not checked | Assay has no probe for it |");
        String header = result.out().lines().filter(line -> line.startsWith("Produced by")).findFirst().orElseThrow();
        assertThat(header).contains("`solvability`").doesNotContain("sandbox", "judge", "tool-");
        assertThat(result.err()).contains("audit: solvability").doesNotContain("audit: state-reset", "audit: judge-");
    }

    @Test
    void textShowsTheSameStatuses() {
        CliResult result = run("audit", example("multiple-choice"));

        assertThat(result.out()).contains("  n/a          T.4, O.d.2 (no sandbox); O.c.1, O.c.2 (no LLM judge); "
                + "O.g.2 (no tool environment); O.g.3 (no tool environment; no sandbox)\n");
        assertThat(result.out().lines().findFirst().orElseThrow()).doesNotContain("sandbox", "judge", "tool-");
    }

    @Test
    void manyTasksWithOneCauseAreOneFindingAndStillSetTheExitCode() throws Exception {
        Files.writeString(temp.resolve("suite.yaml"), "id: strict\nmeasures: sums\ncanary: \"assay-canary:x\"\n"
                + "reward:\n  type: numeric\n");
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            tasks.append("{\"id\": \"t").append(i).append("\", \"prompt\": \"What is ").append(i).append(" + 1?\", ")
                    .append("\"answer\": ").append(i + 1).append("}\n");
        }
        Files.writeString(temp.resolve("tasks.jsonl"), tasks);

        CliResult lenient = run("audit", temp.toString(), "--probe", "equivalence");
        CliResult strict = run("audit", temp.toString(), "--probe", "equivalence", "--fail-on", "warning");

        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(lenient.out()).contains("WARNINGS (1)", "[equivalence] 30 tasks: t0, t1, t2, t3, t4 and 25 more",
                "0 errors, 1 warning, 0 info");
    }

    @Test
    void failOnWarningTightensTheExitCode() {
        assertThat(run("audit", example("flawed/missing-reporting")).exitCode()).isZero();
        assertThat(run("audit", example("flawed/missing-reporting"), "--fail-on", "warning").exitCode()).isEqualTo(1);
    }

    @Test
    void anOutputInAMissingDirectoryIsOneLineAndExitTwoBeforeAnyProbeRuns() {
        Path report = temp.resolve("missing-dir").resolve("card.md");

        CliResult result = run("audit", example("arithmetic"), "--output", report.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --output " + report + ": its directory").doesNotContain("audit: ");
    }

    @Test
    void badInputExitsWithTwo() {
        CliResult missing = run("audit", temp.resolve("nowhere").toString());
        CliResult unknownProbe = run("audit", example("arithmetic"), "--probe", "telepathy");
        CliResult badRepeats = run("audit", example("arithmetic"), "--repeats", "0");
        CliResult badConcurrency = run("audit", example("arithmetic"), "--concurrency", "0");

        for (CliResult result : List.of(missing, unknownProbe, badRepeats, badConcurrency)) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: ").doesNotContain("\tat ");
        }
        assertThat(unknownProbe.err()).contains("unknown audit probe 'telepathy'").contains("solvability");
        assertThat(badConcurrency.err()).startsWith("error: --concurrency must be at least 1, got 0");
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
