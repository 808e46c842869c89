package io.assay.cli;

import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay leaderboard} on runs made by {@code assay run}: formats, segments, run modes and misuse. */
class TestLeaderboardCommand {
    @TempDir
    Path temp;

    private Path suite(String version) throws Exception {
        Path suite = Files.createDirectories(temp.resolve("suite-" + version));
        Files.writeString(suite.resolve("suite.yaml"), """
                id: sums
                version: "%s"
                description: Four sums.
                measures: Adding.
                reward: {type: exact}
                """.formatted(version));
        Files.writeString(suite.resolve("tasks.jsonl"), """
                {"id": "a", "prompt": "1+1?", "answer": "2", "metadata": {"level": "easy"}}
                {"id": "b", "prompt": "2+2?", "answer": "4", "metadata": {"level": "easy"}}
                {"id": "c", "prompt": "3+3?", "answer": "6", "metadata": {"level": "hard"}}
                {"id": "d", "prompt": "4+4?", "answer": "8", "metadata": {"level": "hard"}}
                """);
        return suite;
    }

    private String runAgent(Path suite, String out, String... agent) {
        List<String> args = new ArrayList<>(List.of("run", suite.toString(), "--baselines", "--out", temp.resolve(out).toString(),
                "--agent"));
        args.addAll(List.of(agent));
        CliResult result = CliResult.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return temp.resolve(out).toString();
    }

    private String scripted(Path suite, String out) throws Exception {
        Path predictions = Files.writeString(temp.resolve(out + ".jsonl"), """
                {"task_id": "a", "output": "2"}
                {"task_id": "b", "output": "4"}
                {"task_id": "c", "output": "6"}
                {"task_id": "d", "output": "9"}
                """);
        return runAgent(suite, out, "scripted", "-A", "file=" + predictions);
    }

    @Test
    void jsonHasTheIssuesShapeWithRanksIntervalsAndUnknownCostAsNull() throws Exception {
        Path suite = suite("1");
        CliResult result = run("leaderboard", runAgent(suite, "o", "oracle"), scripted(suite, "s"), runAgent(suite, "n", "null"),
                "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode board = new ObjectMapper().readTree(result.out());
        assertThat(board.get("suite").asText()).isEqualTo("sums@1");
        JsonNode entries = board.get("entries");
        assertThat(entries).hasSize(3);
        for (JsonNode entry : entries) {
            assertThat(entry.has("model")).isTrue();
            assertThat(entry.get("cost_usd").isNull()).isTrue();
            assertThat(entry.get("trials").asLong()).isEqualTo(4);
            assertThat(entry.get("errors").asLong()).isZero();
            assertThat(entry.get("ci95")).hasSize(2);
        }
        assertThat(entries.findValuesAsText("agent")).containsExactly("oracle", "scripted", "null");
        assertThat(entries.get(1).get("score").asDouble()).isEqualTo(0.75);
        assertThat(entries.findValues("rank")).extracting(JsonNode::asInt).containsExactly(1, 1, 2);
        assertThat(board.get("baselines")).isNotEmpty();
    }

    @Test
    void textAndMarkdownShowIntervalsBaselinesAndTheSmallSampleWarning() throws Exception {
        Path suite = suite("1");
        String oracle = runAgent(suite, "o", "oracle");
        String scripted = scripted(suite, "s");

        CliResult text = run("leaderboard", oracle, scripted);
        CliResult markdown = run("leaderboard", oracle, scripted, "--format", "markdown");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("sums@1 (sha256:")
                .containsPattern("\\n1 +scripted +0\\.750 +\\[0\\.000, 1\\.000\\] +4 +0\\.0% \\(0\\) +4 +1 +unknown")
                .containsPattern("\\nbaseline +\\S+")
                .contains("Not on the frontier, cost or score unknown: oracle, scripted")
                .contains("Warning: fewer than 30 scored trials or 10 tasks");
        assertThat(markdown.out()).startsWith("## sums@1 (sha256:")
                .contains("| rank | entry | score | 95% CI |")
                .contains("| 1 | scripted | 0.750 | [0.000, 1.000] |");
    }

    @Test
    void segmentGivesOneBoardPerValue() throws Exception {
        Path suite = suite("1");
        CliResult result = run("leaderboard", scripted(suite, "s"), runAgent(suite, "n", "null"), "--segment", "level");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sums@1, level=easy (sha256:").contains("sums@1, level=hard (sha256:")
                .containsPattern("level=hard[^\\n]*\\n[^\\n]*\\n1 +scripted +0\\.500 ");
        assertThat(result.out()).doesNotContain("baseline ");

        JsonNode json = new ObjectMapper().readTree(run("leaderboard", temp.resolve("s").toString(), temp.resolve("n").toString(),
                "--segment", "level", "--format", "json").out());
        assertThat(json.get("segment_key").asText()).isEqualTo("level");
        assertThat(json.get("boards").findValuesAsText("segment")).containsExactly("level=easy", "level=hard");
    }

    @Test
    void runsAllListsEachRunAndEveryModeCountsTheSubmittedRuns() throws Exception {
        Path suite = suite("1");
        String first = runAgent(suite, "o1", "oracle");
        String second = runAgent(suite, "o2", "oracle");

        JsonNode all = new ObjectMapper().readTree(run("leaderboard", first, second, "--runs", "all", "--format", "json").out());
        JsonNode mean = new ObjectMapper().readTree(run("leaderboard", first, second, "--format", "json").out());

        assertThat(all.get("entries").findValuesAsText("run")).containsExactly("o1", "o2");
        assertThat(mean.get("entries")).hasSize(1);
        assertThat(mean.get("entries").get(0).get("trials").asLong()).isEqualTo(8);
        assertThat(all.get("entries").findValues("runs_submitted")).extracting(JsonNode::asInt).containsOnly(2);
        assertThat(mean.get("entries").findValues("runs_submitted")).extracting(JsonNode::asInt).containsOnly(2);
    }

    @Test
    void mixedSuiteVersionsExitTwoNamingBoth() throws Exception {
        String v1 = runAgent(suite("1"), "v1", "oracle");
        String v2 = runAgent(suite("2"), "v2", "oracle");

        CliResult result = run("leaderboard", v1, v2);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(v1 + " graded sums@1 (").contains(v2 + " graded sums@2 (");
        assertThat(result.out()).isEmpty();
    }
}
