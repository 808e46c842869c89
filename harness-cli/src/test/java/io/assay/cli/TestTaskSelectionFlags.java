package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.core.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --task}, {@code --filter}, {@code --sample} and {@code --limit} on {@code run} and {@code audit}. */
class TestTaskSelectionFlags {

    @TempDir
    Path temp;

    private static List<String> tasks(Path run) {
        Set<String> tasks = new TreeSet<>();
        RunDirectory.open(run).forEachTrial(trial -> tasks.add(trial.record().task()));
        return List.copyOf(tasks);
    }

    @Test
    void runEvaluatesTheSelectedTasksAndSaysItIsASubset() throws Exception {
        Path out = temp.resolve("run");
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--task", "money-*", "--task", "rate-*",
                "--filter", "difficulty=easy", "--filter", "difficulty=hard", "--limit", "3",
                "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(tasks(out)).containsExactly("money-change", "money-eggs", "money-muffins");
        String selection = "--task money-* --task rate-* --filter difficulty=easy --filter difficulty=hard --limit 3";
        assertThat(result.err()).contains("Running arithmetic (tasks 3 of 20, selected by " + selection + ") with agent oracle");
        assertThat(result.out()).contains("tasks      3 of 20, selected by " + selection)
                .contains("trials     3 of 3 recorded");
        assertThat(run("report", out.toString()).out()).contains("tasks      3 of 20, selected by " + selection)
                .contains("trials     3 of 3 recorded");
        assertThat(Json.MAPPER.readTree(out.resolve("summary.json").toFile()).path("expected_trials").asInt()).isEqualTo(3);
    }

    @Test
    void theSameSeedSamplesTheSameTasks() throws Exception {
        for (String name : List.of("a", "b")) {
            CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--sample", "5", "--seed", "3",
                    "--out", temp.resolve(name).toString(), "--progress", "none");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("tasks      5 of 20, selected by --sample 5 --seed 3");
        }
        assertThat(tasks(temp.resolve("a"))).hasSize(5).isEqualTo(tasks(temp.resolve("b")));
    }

    @Test
    void resumeKeepsTheSelectionAndRefusesNewOnes() throws Exception {
        Path out = temp.resolve("run");
        run("run", example("arithmetic"), "--agent", "oracle", "--epochs", "2", "--filter", "topic=time",
                "--out", out.toString(), "--progress", "none");
        List<String> lines = Files.readAllLines(out.resolve("trials.jsonl"));
        assertThat(lines).hasSize(6);
        Files.write(out.resolve("trials.jsonl"), lines.subList(0, 2));

        CliResult conflicting = run("run", "--resume", out.toString(), "--limit", "1", "--task", "time-train");
        CliResult resumed = run("run", "--resume", out.toString(), "--progress", "none");

        assertThat(conflicting.exitCode()).isEqualTo(2);
        assertThat(conflicting.err()).startsWith("error: --resume takes its settings from the run's manifest.json;"
                + " drop --task, --limit\n");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming arithmetic (tasks 3 of 20, selected by --filter topic=time)");
        assertThat(tasks(out)).containsExactly("time-movie", "time-practice", "time-train");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(6);
    }

    @Test
    void aSelectionOfNothingIsOneErrorLineNamingWhatWasAsked() {
        CliResult unknownTask = run("run", example("arithmetic"), "--agent", "oracle", "--task", "money-*", "--task", "mony-eggs",
                "--out", temp.resolve("a").toString());
        CliResult nothingLeft = run("audit", example("arithmetic"), "--filter", "topic=money", "--filter", "difficulty=trivial");
        CliResult badFilter = run("audit", example("arithmetic"), "--filter", "topic");
        CliResult badLimit = run("run", example("arithmetic"), "--agent", "oracle", "--limit", "0");

        for (CliResult result : List.of(unknownTask, nothingLeft, badFilter, badLimit)) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: ").doesNotContain("\tat ");
            assertThat(result.err().lines().filter(line -> line.startsWith("error: ")).count()).isEqualTo(1);
        }
        assertThat(unknownTask.err()).contains("error: --task mony-eggs matches no task of suite arithmetic")
                .contains("hint: its 20 task ids begin money-change,");
        assertThat(nothingLeft.err())
                .contains("error: the selection --filter topic=money --filter difficulty=trivial matches no task of suite"
                        + " arithmetic (20 tasks)")
                .contains("hint: topic takes ").contains("difficulty takes easy, hard, medium");
        assertThat(badFilter.err()).contains("error: --filter 'topic' is not KEY=VALUE");
        assertThat(badLimit.err()).contains("error: --limit must be at least 1, got 0");
        assertThat(temp.resolve("a")).doesNotExist();
    }

    @Test
    void auditCountsOnlyTheSelectedTasks() throws Exception {
        CliResult text = run("audit", example("multiple-choice"), "--limit", "4", "--probe", "leakage");
        CliResult json = run("audit", example("multiple-choice"), "--sample", "3", "--seed", "9", "--probe", "leakage",
                "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Audit of multiple-choice: 4 tasks");
        JsonNode summary = Json.MAPPER.readTree(json.out()).path("summary");
        assertThat(summary.path("tasks").asInt()).isEqualTo(3);
        assertThat(summary.path("suite_tasks").asInt()).isEqualTo(12);
        assertThat(summary.path("selection")).isEqualTo(Json.MAPPER.readTree("{\"sample\": 3}"));
        assertThat(summary.path("seed").asLong()).isEqualTo(9);
    }
}
