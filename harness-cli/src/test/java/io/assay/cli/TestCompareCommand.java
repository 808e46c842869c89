package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay compare} on the arithmetic example: the oracle (a, every task right) against the
 * scripted agent replaying examples/arithmetic/predictions.jsonl (b). Because a scores 1 on every
 * task, b - a is b's own score minus 1, and the tasks passing only in a are the ones b failed: both
 * are checked against {@code assay report}, which computes them independently.
 */
class TestCompareCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path runOf(String suite, String agent, String... more) {
        return CliResult.exampleRun(temp.resolve(suite + "-" + agent), suite, agent, more);
    }

    private Path scripted() {
        return runOf("arithmetic", "scripted", "-A", "file=" + Path.of(example("arithmetic")).resolve("predictions.jsonl"));
    }

    @Test
    void jsonHasTheIssuesFieldsAndFiguresThatAgreeWithEachRunsReport() throws Exception {
        Path a = runOf("arithmetic", "oracle");
        Path b = scripted();

        CliResult result = run("compare", a.toString(), b.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.fieldNames()).toIterable()
                .contains("a", "b", "suite", "tasks", "difference", "ci95", "p_value", "flipped", "segments");
        assertThat(json.get("flipped").fieldNames()).toIterable().contains("a_only", "b_only");
        double scoreOfB = JSON.readTree(run("report", b.toString(), "--format", "json").out()).get("score").get("mean").asDouble();
        assertThat(json.get("tasks").asInt()).isEqualTo(20);
        assertThat(json.get("difference").asDouble()).isCloseTo(scoreOfB - 1, within(1e-12));
        List<String> failedByB = run("report", b.toString(), "--failed").out().lines().skip(2)
                .map(line -> line.split(" +")[0]).toList();
        assertThat(json.get("flipped").get("a_only")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(failedByB);
        assertThat(json.get("flipped").get("b_only")).isEmpty();
        assertThat(json.get("ci95")).hasSize(2);
        assertThat(json.get("segments")).extracting(s -> s.get("key").asText() + "=" + s.get("value").asText())
                .contains("topic=money", "difficulty=easy");
    }

    @Test
    void textAndMarkdownPrintTheSameFiguresAsJson() throws Exception {
        Path a = runOf("arithmetic", "oracle");
        Path b = scripted();
        JsonNode json = JSON.readTree(run("compare", a.toString(), b.toString(), "--format", "json").out());
        String difference = String.format(Locale.ROOT, "%+.3f [95%% CI %+.3f, %+.3f]", json.get("difference").asDouble(),
                json.get("ci95").get(0).asDouble(), json.get("ci95").get(1).asDouble());
        String mcnemar = String.format(Locale.ROOT, "McNemar exact p = %.3f", json.get("flipped").get("p_value").asDouble());

        CliResult text = run("compare", a.toString(), b.toString());
        CliResult markdown = run("compare", a.toString(), b.toString(), "--format", "markdown");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Difference b - a: " + difference, mcnemar, "Paired t-test: p = ",
                "Smallest detectable difference", "topic=money");
        assertThat(markdown.out()).contains("**Difference b - a:** " + difference, mcnemar, "| topic=money");
    }

    @Test
    void runsOfDifferentSuitesAreOneLineNamingBothAndExitCodeTwo() {
        Path arithmetic = runOf("arithmetic", "oracle");
        Path choice = runOf("multiple-choice", "oracle");

        CliResult result = run("compare", arithmetic.toString(), choice.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(arithmetic.toString(), choice.toString(), "same suite version");
    }
}
