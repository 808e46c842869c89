package io.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestArenaCommand {
    private static final String BATTLES = CliResult.REPO.resolve("examples/arena/battles.jsonl").toString();

    @TempDir
    Path directory;

    @Test
    void textBoardRanksEveryModel() {
        CliResult result = CliResult.run("arena", BATTLES, "--bootstrap", "100");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("600 battles among 5 models; atlas-7b anchored at 1000; 95% CIs from 100 bootstrap resamples (seed 0)")
                .contains("rank  model").contains("cirrus-70b");
    }

    @Test
    void jsonHasTheIssuesShape() throws Exception {
        CliResult result = CliResult.run("arena", BATTLES, "--bootstrap", "50", "--style-control", "--format", "json",
                "--where", "rater.language=fr");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("anchor").asText()).isEqualTo("atlas-7b");
        JsonNode first = json.get("models").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("model", "rating", "ci95", "rank", "battles");
        assertThat(first.get("ci95")).hasSize(2);
        assertThat(json.get("style").fieldNames()).toIterable().containsExactly("tokens", "markdown", "latency");
        assertThat(json.get("segment").get("rater.language").asText()).isEqualTo("fr");
    }

    @Test
    void segmentPrintsOneBoardPerValueAndMarkdownIsATable() {
        CliResult result = CliResult.run("arena", BATTLES, "--bootstrap", "0", "--segment", "rater.country", "--format", "markdown");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("**rater.country=DE: ").contains("**rater.country=US: ")
                .contains("| Rank | Model | Rating | 95% CI | Battles |");
    }

    @Test
    void badLinesAreEachReportedWithFileAndLineAndExitTwo() throws Exception {
        Path file = Files.writeString(directory.resolve("battles.jsonl"), """
                {"id": "b1", "model_a": "x", "model_b": "y", "winner": "a"}
                {"id": "b2", "model_a": "x", "model_b": "y", "winner": "draw"}
                {"id": "b3", "model_a": "x", "model_b": "y"}
                """);
        CliResult result = CliResult.run("arena", file.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: " + file + ":2: winner: expected \"a\", \"b\", \"tie\" or \"both_bad\", got \"draw\"")
                .contains("error: " + file + ":3: winner: required field is missing").doesNotContain("Exception");
    }

    @Test
    void anUnknownAnchorIsBadInput() {
        CliResult result = CliResult.run("arena", BATTLES, "--anchor", "nobody", "--bootstrap", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--anchor nobody: no battle in all battles has this model");
    }
}
