package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.json.Json;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RescoreResult;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.launcher.Summary;
import io.assay.launcher.TaskSelection;
import io.assay.core.testing.SuiteFiles;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs of part of a suite: what runs, what the manifest records, and that resume and rescore keep it. */
class TestRunSubsets {
    private final Injector injector = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()));
    private final Runner runner = injector.getInstance(Runner.class);

    @TempDir
    Path temp;

    private RunSettings request(Path suite, String agent, Path out, long seed, TaskSelection selection) {
        return RunSettings.builder(suite, agent).epochs(2).concurrency(2).timeout(Duration.ofSeconds(10)).seed(seed)
                .out(out).selection(selection).build();
    }

    private static List<String> tasks(Path run) throws Exception {
        return TestRunner.trials(run).stream().map(TrialRecord::task).distinct().sorted().toList();
    }

    @Test
    void aSubsetRunEvaluatesOnlyTheSelectedTasksAndCountsOnlyThem() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 10, "{type: equals}");
        TaskSelection selection = TaskSelection.parse(List.of("t*"), List.of("level=easy"), null, 3);

        RunResult result = runner.start(request(suite, "answer", temp.resolve("run"), 0, selection))
                .execute(ProgressListener.NONE);

        assertThat(tasks(result.directory())).containsExactly("t0", "t2", "t4");
        Summary summary = result.summary();
        assertThat(summary.trials()).isEqualTo(6);
        assertThat(summary.expectedTrials()).as("3 tasks x 2 epochs, not the suite's 10 x 2").isEqualTo(6);
        assertThat(summary.passAtK()).containsOnlyKeys("1", "2");
        assertThat(summary.segments().get("level")).containsOnlyKeys("easy");
        JsonNode manifest = Json.MAPPER.readTree(result.directory().resolve("manifest.json").toFile());
        assertThat(manifest.path("suite").path("tasks").asInt()).isEqualTo(10);
        assertThat(manifest.path("suite").path("selected").asInt()).isEqualTo(3);
        assertThat(manifest.path("settings").path("selection"))
                .isEqualTo(Json.MAPPER.readTree("{\"tasks\": [\"t*\"], \"filters\": {\"level\": [\"easy\"]}, \"limit\": 3}"));
        assertThat(RunDirectory.open(result.directory()).summarize().expectedTrials())
                .as("assay report recomputes the same expectation").isEqualTo(6);
    }

    @Test
    void aRunOfTheWholeSuiteRecordsNoSelection() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: equals}");

        RunResult result = runner.start(request(suite, "answer", temp.resolve("run"), 0, TaskSelection.ALL))
                .execute(ProgressListener.NONE);

        Manifest manifest = RunDirectory.open(result.directory()).readManifest();
        assertThat(manifest.settings().selection()).isNull();
        assertThat(manifest.suite().selected()).isNull();
        assertThat(result.summary().expectedTrials()).isEqualTo(6);
    }

    @Test
    void resumeFinishesTheSampleTheRunStartedWith() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 12, "{type: equals}");
        Path out = temp.resolve("run");
        runner.start(request(suite, "answer", out, 42, TaskSelection.parse(List.of(), List.of(), 4, null)))
                .execute(ProgressListener.NONE);
        List<String> sampled = tasks(out);
        List<String> lines = Files.readAllLines(out.resolve("trials.jsonl"));
        Files.write(out.resolve("trials.jsonl"), lines.subList(0, 3));

        RunResult resumed = runner.resume(out, null, null, null).execute(ProgressListener.NONE);

        assertThat(resumed.trialsRun()).isEqualTo(5);
        assertThat(tasks(out)).isEqualTo(sampled).hasSize(4);
        assertThat(resumed.summary().trials()).isEqualTo(8).isEqualTo(resumed.summary().expectedTrials());
        Manifest manifest = RunDirectory.open(out).readManifest();
        assertThat(manifest.settings().selection()).isEqualTo(TaskSelection.parse(List.of(), List.of(), 4, null));
        assertThat(manifest.settings().seed()).isEqualTo(42);
    }

    @Test
    void resumeRefusesASelectionThatNoLongerSelectsWhatItDid() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 6, "{type: equals}");
        Path out = temp.resolve("run");
        runner.start(request(suite, "answer", out, 0, TaskSelection.parse(List.of("t1", "t2"), List.of(), null, null)))
                .execute(ProgressListener.NONE);
        // As if another Assay version read the recorded selection differently.
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("settings").path("selection")).putArray("tasks").add("t3").add("t4");
        Files.writeString(out.resolve("manifest.json"), manifest.toString());

        assertThatThrownBy(() -> runner.resume(out, null, null, null))
                .isInstanceOf(InputException.class)
                // Trials run two at a time, so either recorded task may be the first one read.
                .hasMessageMatching("the run's task selection \\(--task t3 --task t4\\) no longer selects what it did:"
                        + " trials.jsonl holds task t[12], which it does not keep now");
    }

    @Test
    void rescoringASubsetRunGradesExactlyItsTrials() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 8, "{type: fragile}");
        Path out = temp.resolve("run");
        runner.start(request(suite, "answer", out, 0, TaskSelection.parse(List.of(), List.of("level=hard"), null, 2)))
                .execute(ProgressListener.NONE);
        SuiteFiles.write(suite, "numbers", 8, "{type: equals}");

        RescoreResult result = injector.getInstance(Rescorer.class).rescore(out, null, List.of());

        assertThat(result.regraded()).isEqualTo(4);
        assertThat(tasks(result.directory())).containsExactly("t1", "t3");
        assertThat(result.run().summary().expectedTrials()).isEqualTo(4);
        assertThat(result.run().summary().score().mean()).isEqualTo(1.0);
        Manifest rescored = RunDirectory.open(result.directory()).readManifest();
        assertThat(rescored.suite().selected()).isEqualTo(2);
        assertThat(rescored.settings().selection()).isEqualTo(RunDirectory.open(out).readManifest().settings().selection());
    }
}
