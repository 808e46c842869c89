package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunCommand {

    @TempDir
    Path temp;

    @Test
    void oracleSolvesTheArithmeticExample() throws Exception {
        Path out = temp.resolve("run");
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("suite      arithmetic").contains("score      1.000").contains("Run directory: " + out);
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("score").path("mean").asDouble()).isEqualTo(1.0);
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(summary.path("trials").asInt());
    }

    @Test
    void nullAgentFailsTheMultipleChoiceExampleWithEpochs() throws Exception {
        Path out = temp.resolve("run");
        CliResult result = run("run", example("multiple-choice"), "--agent", "null", "--epochs", "3",
                "--concurrency", "4", "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("score").path("mean").asDouble()).isZero();
        assertThat(summary.path("pass_at_k").path("3").asDouble()).isZero();
        assertThat(summary.path("trials").asInt()).isEqualTo(summary.path("expected_trials").asInt());
    }

    @Test
    void scriptedAgentGradesAPredictionsFile() throws Exception {
        Path out = temp.resolve("run");
        CliResult result = run("run", example("arithmetic"), "--agent", "scripted",
                "-A", "file=" + Path.of(example("arithmetic")).resolve("predictions.jsonl"),
                "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        double mean = Json.MAPPER.readTree(out.resolve("summary.json").toFile()).path("score").path("mean").asDouble();
        assertThat(mean).isGreaterThan(0.0).isLessThan(1.0);
    }

    @Test
    void progressLinesGoToStderr() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--out", temp.resolve("r").toString(),
                "--progress", "lines");
        assertThat(result.err()).containsPattern("progress: \\d+/\\d+ trials, [0-9.]+/s, ETA .*, pass 100.0%");
        assertThat(result.out()).doesNotContain("progress:");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwoWithoutAStackTrace() {
        List<CliResult> results = List.of(
                run("run", example("arithmetic"), "--agent", "nobody", "--out", temp.resolve("a").toString()),
                run("run", example("arithmetic"), "--agent", "oracle", "--epochs", "zero"),
                run("run", example("arithmetic"), "--agent", "oracle", "--epochs", "0"),
                run("run", temp.resolve("missing").toString(), "--agent", "oracle"),
                run("run", example("arithmetic"), "--agent", "scripted", "-A", "typo=1"),
                run("run", example("arithmetic")));
        for (CliResult result : results) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception:");
            assertThat(result.err().lines().filter(l -> l.startsWith("error: ")).count()).isEqualTo(1);
        }
        assertThat(results.getFirst().err()).contains("unknown agent 'nobody'").contains("oracle").contains("hint: ");
    }

    @Test
    void invalidSuiteReportsEveryProblemWithFileAndLine() throws Exception {
        Path suite = temp.resolve("bad");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: bad\nreward: {type: exact}\ncolour: blue\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"a\",\"prompt\":\"p\",\"answer\":\"x\"}\n{\"id\":\"a\",\"prompt\":\"p\",\"answr\":\"x\"}\n");

        CliResult result = run("run", suite.toString(), "--agent", "oracle");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(suite.resolve("suite.yaml") + ":3: colour")
                .contains(suite.resolve("tasks.jsonl") + ":2:")
                .doesNotContain("\tat ");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliResult result = run("run", example("arithmetic"), "--agent", "nobody", "--debug");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("\tat ");
    }

    @Test
    void resumeRunsOnlyTheMissingTrials() throws Exception {
        Path out = temp.resolve("run");
        assertThat(run("run", example("arithmetic"), "--agent", "oracle", "--epochs", "2", "--out", out.toString(),
                "--progress", "none").exitCode()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("trials.jsonl"));
        Files.write(out.resolve("trials.jsonl"), lines.subList(0, 5));

        CliResult resumed = run("run", "--resume", out.toString(), "--progress", "none");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming arithmetic");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSameSizeAs(lines);
        assertThat(run("run", "--resume", out.toString(), "--agent", "null").err())
                .contains("--resume takes its settings from the run's manifest.json; drop --agent");
    }

    @Test
    void reportRecomputesTheSummary() throws Exception {
        Path out = temp.resolve("run");
        run("run", example("arithmetic"), "--agent", "oracle", "--out", out.toString(), "--progress", "none");

        CliResult text = run("report", out.toString());
        CliResult json = run("report", out.toString(), "--format", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("score      1.000");
        assertThat(Json.MAPPER.readTree(json.out())).isEqualTo(Json.MAPPER.readTree(out.resolve("summary.json").toFile()));
        assertThat(run("report", temp.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void maxErrorsIsRecordedInTheManifest() throws Exception {
        Path out = temp.resolve("run");

        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--max-errors", "10%", "--out",
                out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("settings").path("max_errors").asText()).isEqualTo("10%");
    }

    @Test
    void aBadMaxErrorsIsOneLineAndExitCodeTwo() {
        for (String bad : List.of("abc", "-1", "100%", "1.5")) {
            CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--max-errors", bad,
                    "--out", temp.resolve("r").toString());

            assertThat(result.exitCode()).as(bad).isEqualTo(2);
            assertThat(result.err()).startsWith("error: --max-errors expects a number of errors (0 or more) or a"
                    + " percentage below 100%, got '" + bad + "'").doesNotContain("\tat ");
            assertThat(result.err().lines().filter(l -> l.startsWith("error: ")).count()).isEqualTo(1);
        }
        assertThat(temp.resolve("r")).doesNotExist();
    }

    @Test
    void anEnvironmentThatCannotStartFailsTheRunWithExitCodeTwo() throws Exception {
        Path suite = temp.resolve("boxed");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: boxed\nreward: {type: exact}\nenvironment: {type: unavailable}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"a\",\"prompt\":\"p\",\"answer\":\"x\"}\n");
        Path out = temp.resolve("run");

        CliResult result = run("run", suite.toString(), "--agent", "oracle", "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("error: run failed: the environment could not start: "
                + UnavailableEnvironmentPlugin.MESSAGE, "hint: once that is fixed, run its trials with: assay run --resume " + out)
                .doesNotContain("\tat ").doesNotContain("Exception");
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("failed");
        assertThat(manifest.path("reason").asText()).contains(UnavailableEnvironmentPlugin.MESSAGE);
        assertThat(run("report", out.toString()).out()).contains("0 of 1 recorded", "score      no trial was scored");
    }
}
