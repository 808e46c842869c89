package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RescoreResult;
import io.assay.launcher.RunSettings;
import io.assay.core.testing.SuiteFiles;
import io.assay.core.testing.TestingPlugin;
import io.assay.launcher.Summary;
import io.assay.spi.ModelCall;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestRescorer {
    private final Injector injector = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()));
    private final Runner runner = injector.getInstance(Runner.class);
    private final Rescorer rescorer = injector.getInstance(Rescorer.class);

    @TempDir
    Path temp;

    private Path run(Path suite, String agent) throws Exception {
        Path out = temp.resolve(agent + "-run");
        runner.start(RunSettings.builder(suite, agent).epochs(2).concurrency(2).timeout(Duration.ofSeconds(10)).out(out)
                .build()).execute(ProgressListener.NONE);
        return out;
    }

    private static List<TrialRecord> trials(Path run) {
        List<TrialRecord> trials = new ArrayList<>();
        RunDirectory.open(run).forEachTrial(trial -> trials.add(trial.record()));
        return trials;
    }

    @Test
    void aFixedCheckRegradesTheRecordedOutputsIntoANewRun() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: fragile}");
        Path original = run(suite, "wrong");
        assertThat(trials(original)).allMatch(t -> t.outcome() == Outcome.HARNESS_ERROR && t.output() != null);
        SuiteFiles.write(suite, "numbers", 3, "{type: equals}");

        RescoreResult result = rescorer.rescore(original, null, List.of("rescore", original.toString()));

        assertThat(result.directory()).isEqualTo(temp.resolve("wrong-run-rescored"));
        assertThat(result.regraded()).isEqualTo(6);
        assertThat(result.changes()).hasSize(6).first().asString().endsWith("harness_error -> fail 0.0");
        assertThat(trials(result.directory())).hasSize(6)
                .allMatch(t -> t.outcome() == Outcome.COMPLETED && !t.passed());
        assertThat(result.run().summary().errors()).isZero();
        Manifest manifest = RunDirectory.open(result.directory()).readManifest();
        assertThat(manifest.rescoredFrom().run()).isEqualTo(original.toString());
        assertThat(manifest.rescoredFrom().contentHash()).isNotEqualTo(manifest.suite().contentHash());
        assertThat(trials(original)).allMatch(t -> t.outcome() == Outcome.HARNESS_ERROR); // the original is untouched
    }

    /** One grading step for trials and rescoring: what a check does is recorded alike by both. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unchecked | HARNESS_ERROR | reward check fragile failed: IllegalStateException: grader bug",
            "checked   | HARNESS_ERROR | reward check fragile failed: IOException: grader lost its file",
            "verdict   | JUDGE_ERROR   | judge error: the judge mumbled",
            "nothing   | HARNESS_ERROR | reward check fragile returned no result"})
    void aTrialAndItsRescoringGradeAlike(String failure, Outcome outcome, String error) throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: fragile, fails_with: " + failure + "}");
        Path original = run(suite, "wrong");

        RescoreResult result = rescorer.rescore(original, temp.resolve("again"), List.of());

        List<TrialRecord> graded = trials(original);
        assertThat(graded).hasSize(4).allSatisfy(trial -> {
            assertThat(trial.outcome()).isEqualTo(outcome);
            assertThat(trial.error()).isEqualTo(error);
        });
        assertThat(trials(result.directory())).extracting(TrialRecord::task, TrialRecord::outcome, TrialRecord::error,
                TrialRecord::reward).containsExactlyElementsOf(graded.stream().map(trial ->
                        tuple(trial.task(), trial.outcome(), trial.error(), trial.reward())).toList());
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void aJudgeErrorKeepsTheModelCallsItPaidForInTheRunsUsage() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: fragile, fails_with: verdict}");
        Path original = run(suite, "wrong");

        RescoreResult result = rescorer.rescore(original, temp.resolve("again"), List.of());

        for (Summary summary : List.of(RunDirectory.open(original).summarize(), result.run().summary())) {
            assertThat(summary.usage().modelCalls()).isEqualTo(4);
            assertThat(summary.usage().costUsd()).isEqualByComparingTo("0.008");
            assertThat(summary.usage().models()).containsOnlyKeys("openai/judge-test");
        }
        assertThat(ModelCall.inEvidence(trials(original).getFirst().reward().evidence()))
                .containsExactly(TestingPlugin.JUDGE_CALL);
    }

    @Test
    void aCheckInterruptedWhileRescoringStopsItRatherThanRecordingAnError() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: fragile}");
        Path original = run(suite, "wrong");
        SuiteFiles.write(suite, "numbers", 2, "{type: fragile, fails_with: interrupted}");

        assertThatThrownBy(() -> rescorer.rescore(original, temp.resolve("again"), List.of()))
                .isInstanceOf(InterruptedException.class).hasMessage("stopped while grading");
        assertThat(Files.exists(temp.resolve("again/summary.json"))).isFalse();
    }

    @Test
    void agentFailuresKeepTheirZero() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: equals}");
        Path original = run(suite, "throws");

        RescoreResult result = rescorer.rescore(original, temp.resolve("again"), List.of());

        assertThat(result.regraded()).isZero();
        assertThat(result.changes()).isEmpty();
        assertThat(trials(result.directory())).allMatch(t -> t.outcome() == Outcome.AGENT_ERROR);
    }

    @Test
    void aTaskMissingFromTheSuiteIsBadInput() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: equals}");
        Path original = run(suite, "answer");
        SuiteFiles.write(suite, "numbers", 2, "{type: equals}");

        assertThatThrownBy(() -> rescorer.rescore(original, temp.resolve("again"), List.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("task 't2'").hasMessageContaining("is not in");
        assertThat(Files.exists(temp.resolve("again/summary.json"))).isFalse();
    }
}
