package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import io.assay.core.json.Json;
import io.assay.core.testing.SuiteFiles;
import io.assay.core.testing.TestEngine;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RescoreResult;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.launcher.TaskSelection;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings given on the command line for one run: the split, environment options and reward-check
 * defaults. Each is recorded in the manifest, and resume and rescore load and grade with the
 * recorded ones.
 */
class TestRunTimeSettings {
    private final Injector injector = TestEngine.injector();
    private final Runner runner = injector.getInstance(Runner.class);
    private final Rescorer rescorer = injector.getInstance(Rescorer.class);

    @TempDir
    Path temp;

    private RunResult run(Path suite, String agent, UnaryOperator<RunSettings.Builder> settings) throws Exception {
        RunSettings.Builder builder = RunSettings.builder(suite, agent).concurrency(1).timeout(Duration.ofSeconds(10))
                .out(temp.resolve("run"));
        return runner.start(settings.apply(builder).build()).execute(ProgressListener.NONE);
    }

    /** Drops all but the first recorded trial, as if the run had been interrupted. */
    private static void keepFirstTrial(Path run) throws Exception {
        Files.write(run.resolve("trials.jsonl"), Files.readAllLines(run.resolve("trials.jsonl")).subList(0, 1));
    }

    private static JsonNode manifestJson(Path run) throws Exception {
        return Json.MAPPER.readTree(run.resolve("manifest.json").toFile());
    }

    private Path splitSuite() throws Exception {
        Path suite = Files.createDirectories(temp.resolve("splits"));
        Files.writeString(suite.resolve("splits.txt"), "train: a b c\ntest: d e\n");
        return suite;
    }

    /** A suite whose environment cannot start until its {@code file} exists; the suite names one that never does. */
    private Path suiteNeedingFile() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: equals}");
        Files.writeString(suite.resolve("suite.yaml"), "environment: {type: needs-file, file: '"
                + temp.resolve("never") + "'}\n", StandardOpenOption.APPEND);
        return suite;
    }

    @Test
    void aSplitLoadsOnlyItsTasksAndResumeAndRescoreKeepIt() throws Exception {
        TaskSelection test = TaskSelection.ALL.withSplit("test");

        RunResult result = run(splitSuite(), "answer", settings -> settings.selection(test));

        assertThat(TestRunner.trials(result.directory())).extracting(TrialRecord::task).containsExactlyInAnyOrder("d", "e");
        assertThat(manifestJson(result.directory()).path("settings").path("selection"))
                .isEqualTo(Json.MAPPER.readTree("{\"split\": \"test\"}"));
        keepFirstTrial(result.directory());

        RunResult resumed = runner.resume(result.directory(), null, null, null).execute(ProgressListener.NONE);
        RescoreResult rescored = rescorer.rescore(result.directory(), temp.resolve("rescored"), List.of());

        assertThat(resumed.trialsRun()).as("the other task of the split, not the 3 of train").isEqualTo(1);
        assertThat(TestRunner.trials(result.directory())).extracting(TrialRecord::task).containsExactlyInAnyOrder("d", "e");
        assertThat(rescored.regraded()).isEqualTo(2);
        assertThat(rescored.manifest().settings().selection()).isEqualTo(test);
        assertThat(rescored.manifest().suite().tasks()).as("the split's tasks").isEqualTo(2);
    }

    @Test
    void anUnknownSplitIsTheLoadersErrorAndASplitOfASuiteWithoutSplitsIsTheUsers() throws Exception {
        Path splits = splitSuite();
        Path declarative = SuiteFiles.write(temp.resolve("plain"), "numbers", 2, "{type: equals}");

        assertThatThrownBy(() -> run(splits, "answer", s -> s.selection(TaskSelection.ALL.withSplit("dev"))))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("split: no split 'dev'; expected one of [train, test]");
        assertThatThrownBy(() -> run(declarative, "answer", s -> s.selection(TaskSelection.ALL.withSplit("test"))))
                .isInstanceOf(InputException.class)
                .hasMessage("--split: suite " + declarative + " has no splits");
        assertThat(temp.resolve("run")).as("refused before the run directory is made").doesNotExist();
    }

    @Test
    void environmentOptionsAreSetOverTheSuitesAndResumeAndRescoreUseTheRecordedOnes() throws Exception {
        Path suite = suiteNeedingFile();
        Path ready = Files.writeString(temp.resolve("ready"), "");
        Options options = Options.of(Map.of("file", ready.toString()));

        RunResult result = run(suite, "answer", settings -> settings.environmentOptions(options));

        assertThat(result.summary().trials()).as("the -E file, not the suite's, which never exists").isEqualTo(3);
        assertThat(result.summary().errors()).isZero();
        assertThat(manifestJson(result.directory()).path("settings").path("environment_options"))
                .isEqualTo(Json.MAPPER.readTree("{\"file\": \"" + ready + "\"}"));
        keepFirstTrial(result.directory());

        RunResult resumed = runner.resume(result.directory(), null, null, null).execute(ProgressListener.NONE);
        RescoreResult rescored = rescorer.rescore(result.directory(), temp.resolve("rescored"), List.of());

        assertThat(resumed.failed()).as(resumed.reason()).isFalse();
        assertThat(resumed.summary().trials()).isEqualTo(3);
        assertThat(rescored.regraded()).isEqualTo(3);
        assertThat(rescored.manifest().settings().environmentOptions()).isEqualTo(options.values());
    }

    @Test
    void anEnvironmentOptionTheEnvironmentDoesNotKnowIsOneLineOfBadInput() throws Exception {
        Path suite = suiteNeedingFile();

        assertThatThrownBy(() -> run(suite, "answer", s -> s.environmentOptions(Options.of(Map.of("warm_pool", "4")))))
                .isInstanceOf(InputException.class)
                .hasMessage("-E warm_pool=4: environment needs-file of suite numbers refuses it: environment.warm_pool:"
                        + " unknown field; expected one of [file, type]");
        assertThatThrownBy(() -> run(suite, "answer", s -> s.environmentOptions(Options.of(Map.of("type", "none")))))
                .isInstanceOf(InputException.class)
                .hasMessage("-E type=none: the environment's type is the suite's (needs-file)");
        assertThat(temp.resolve("run")).doesNotExist();
    }

    @Test
    void checkDefaultsReachChecksOfTheirTypeAndRescoreMayReplaceThem() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: answer-is}");
        Map<String, Options> wrongIsRight = Map.of("answer-is", Options.of(Map.of("value", "wrong")));

        RunResult result = run(suite, "wrong", settings -> settings.checkDefaults(wrongIsRight));

        assertThat(result.summary().score().mean()).isEqualTo(1.0);
        assertThat(manifestJson(result.directory()).path("settings").path("check_defaults"))
                .isEqualTo(Json.MAPPER.readTree("{\"answer-is\": {\"value\": \"wrong\"}}"));
        keepFirstTrial(result.directory());

        RunResult resumed = runner.resume(result.directory(), null, null, null).execute(ProgressListener.NONE);
        RescoreResult kept = rescorer.rescore(result.directory(), temp.resolve("kept"), List.of());
        RescoreResult replaced = rescorer.rescore(result.directory(), temp.resolve("replaced"),
                Map.of("answer-is", Options.of(Map.of("value", "right"))), List.of());

        assertThat(resumed.summary().score().mean()).as("resumed with the recorded default").isEqualTo(1.0);
        assertThat(kept.changes()).isEmpty();
        assertThat(replaced.run().summary().score().mean()).isEqualTo(0.0);
        assertThat(replaced.manifest().settings().checkDefaults()).isEqualTo(Map.of("answer-is", Map.of("value", "right")));
        assertThat(RunDirectory.open(result.directory()).readManifest().settings().checkDefaults())
                .as("the run graded with its own").isEqualTo(Map.of("answer-is", Map.of("value", "wrong")));
    }

    @Test
    void withoutTheDefaultACheckThatNeedsItIsAJudgeErrorNotAFailure() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: answer-is}");

        RunResult result = run(suite, "wrong", settings -> settings);

        assertThat(TestRunner.trials(result.directory())).extracting(TrialRecord::outcome)
                .containsOnly(Outcome.JUDGE_ERROR);
        Manifest manifest = RunDirectory.open(result.directory()).readManifest();
        assertThat(manifest.settings().checkDefaults()).isNull();
        assertThat(manifest.settings().environmentOptions()).isNull();
        assertThat(manifestJson(result.directory()).path("settings").has("check_defaults")).isFalse();
    }
}
