package io.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.InputException;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RescoreResult;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.core.run.Rescorer;
import io.assay.core.run.RunDirectory;
import io.assay.core.run.Runner;
import io.assay.core.suite.SuiteRepository;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.Suite;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A judged suite run by the real Runner: a verdict the judge garbles is a judge error, not a failure, and its call still counts. */
class TestJudgeRun {

    @TempDir
    Path temp;

    @Test
    void loadingAJudgedSuiteNeverCallsTheJudge() throws Exception {
        try (JudgeServer judge = new JudgeServer(question -> JudgeServer.verdict(true, "fine"))) {
            String judgeSpec = "{type: judge, model: openai/judge-test, base_url: '" + judge.baseUrl()
                    + "', api_key_env: ASSAY_TEST_JUDGE_KEY, rubric: 'Names the reference.'}";
            SuiteRepository suites = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
                    .getInstance(SuiteRepository.class);

            Suite judged = suites.load(JudgedSuite.write(temp.resolve("judged"), judge));
            Suite nested = suites.load(JudgedSuite.write(temp.resolve("nested"),
                    "{type: all, checks: [{type: exact}, " + judgeSpec + "]}"));

            assertThat(judged.tasks()).hasSize(3);
            assertThat(nested.tasks()).hasSize(3);
            assertThat(judge.requests()).as("validation must not spend model calls").isZero();
        }
    }

    @Test
    void anUnparseableVerdictIsAJudgeErrorCountedInTheSummaryAndNotScored() throws Exception {
        try (JudgeServer judge = new JudgeServer(question -> question.reference().equals("Tokyo")
                ? "The answer Tokyo is correct."
                : JudgeServer.verdict(question.answer().equals(question.reference()), "matches the reference"))) {
            Path suite = JudgedSuite.write(temp.resolve("suite"), judge);
            Runner runner = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of())).getInstance(Runner.class);
            RunResult result = runner.start(RunSettings.builder(suite, "oracle").concurrency(3).timeout(Duration.ofSeconds(10))
                    .out(temp.resolve("run")).build()).execute(ProgressListener.NONE);

            List<TrialRecord> trials = new ArrayList<>();
            RunDirectory.open(result.directory()).forEachTrial(trial -> trials.add(trial.record()));
            TrialRecord japan = trials.stream().filter(t -> t.task().equals("japan")).findFirst().orElseThrow();
            assertThat(japan.outcome()).isEqualTo(Outcome.JUDGE_ERROR);
            assertThat(japan.error()).startsWith("judge error: openai/judge-test replied outside the verdict format")
                    .contains("\"The answer Tokyo is correct.\"");
            assertThat(japan.score()).isNaN();
            assertThat(trials).filteredOn(t -> !t.task().equals("japan")).allMatch(TrialRecord::passed);

            assertThat(result.summary().outcomes()).containsEntry("judge_error", 1L).containsEntry("completed", 2L);
            assertThat(result.summary().errors()).isEqualTo(1);
            assertThat(result.summary().score().mean()).isEqualTo(1.0);

            // The garbled verdict was still a paid call: kept with the reply, and counted in the run's usage.
            assertThat(japan.reward().evidence()).containsKeys("judges", "model_calls");
            assertThat(japan.reward().evidence().get("judges").toString()).contains("The answer Tokyo is correct.");
            assertThat(result.summary().usage().modelCalls()).isEqualTo(3);
            String line = Files.readAllLines(result.directory().resolve("trials.jsonl")).stream()
                    .filter(l -> l.contains("\"task\":\"japan\"")).findFirst().orElseThrow();
            assertThat(line).contains("\"reward\":{\"score\":null,\"passed\":null,\"explanation\":\"no verdict: ");
        }
    }

    @Test
    void withoutAJudgeModelEachTrialIsAJudgeErrorAndRescoringWithOneGradesThem() throws Exception {
        try (JudgeServer judge = new JudgeServer(question -> JudgeServer.verdict(true, "matches the reference"))) {
            Path suite = JudgedSuite.write(temp.resolve("suite"), "{type: judge, rubric: 'Names the reference.'}");
            Injector engine = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()));

            RunResult result = engine.getInstance(Runner.class).start(RunSettings.builder(suite, "oracle").concurrency(1)
                    .timeout(Duration.ofSeconds(10)).out(temp.resolve("run")).build()).execute(ProgressListener.NONE);
            RescoreResult rescored = engine.getInstance(Rescorer.class).rescore(result.directory(), temp.resolve("judged"),
                    Map.of("judge", judgeModel(judge)), List.of());

            assertThat(trials(result.directory())).extracting(TrialRecord::outcome).containsOnly(Outcome.JUDGE_ERROR);
            assertThat(trials(result.directory())).extracting(TrialRecord::error)
                    .allMatch(error -> error.startsWith("judge error: no judge model:") && error.contains("--judge-model"));
            assertThat(result.summary().errors()).isEqualTo(3);
            assertThat(rescored.run().summary().score().mean()).isEqualTo(1.0);
            assertThat(rescored.run().summary().errors()).isZero();
            assertThat(judge.requests()).isEqualTo(3);
            assertThat(rescored.manifest().settings().checkDefaults()).isEqualTo(Map.of("judge", judgeModel(judge).values()));
        }
    }

    @Test
    void theRunsJudgeModelGradesAndIsRecordedForResume() throws Exception {
        try (JudgeServer judge = new JudgeServer(question -> JudgeServer.verdict(true, "matches the reference"))) {
            Path suite = JudgedSuite.write(temp.resolve("suite"), "{type: judge, rubric: 'Names the reference.'}");
            Runner runner = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of())).getInstance(Runner.class);

            RunResult result = runner.start(RunSettings.builder(suite, "oracle").concurrency(1).timeout(Duration.ofSeconds(10))
                    .checkDefaults(Map.of("judge", judgeModel(judge))).out(temp.resolve("run")).build())
                    .execute(ProgressListener.NONE);

            assertThat(result.summary().score().mean()).isEqualTo(1.0);
            assertThat(judge.requests()).isEqualTo(3);
            assertThat(RunSettings.resuming(RunDirectory.open(result.directory()).readManifest()).build().checkDefaults())
                    .isEqualTo(Map.of("judge", judgeModel(judge)));
        }
    }

    @Test
    void aJudgeModelNoJudgeCanUseStopsTheRunBeforeItStarts() throws Exception {
        Path suite = JudgedSuite.write(temp.resolve("suite"), "{type: judge, rubric: 'Names the reference.'}");
        Runner runner = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of())).getInstance(Runner.class);

        assertThatThrownBy(() -> runner.start(RunSettings.builder(suite, "oracle").out(temp.resolve("run"))
                .checkDefaults(Map.of("judge", Options.of(Map.of("model", "gpt-4o")))).build()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("reward checks with the defaults judge {model=gpt-4o}: reward.model: ");
        assertThat(temp.resolve("run")).doesNotExist();
    }

    /** What --judge-model, --judge-base-url and --judge-api-key-env give the judge. */
    private static Options judgeModel(JudgeServer judge) {
        return Options.of(Map.of("model", "openai/judge-test", "base_url", judge.baseUrl(),
                "api_key_env", "ASSAY_TEST_JUDGE_KEY"));
    }

    private static List<TrialRecord> trials(Path run) {
        List<TrialRecord> trials = new ArrayList<>();
        RunDirectory.open(run).forEachTrial(trial -> trials.add(trial.record()));
        return trials;
    }

    @Test
    void aJudgeEndpointThatIsNotThereAbortsTheRun() throws Exception {
        try (JudgeServer judge = new JudgeServer(question -> JudgeServer.verdict(true, "fine"))) {
            Path suite = JudgedSuite.write(temp.resolve("suite"), "{type: judge, model: openai/judge-test, base_url: '"
                    + judge.baseUrl() + "/wrong', api_key_env: ASSAY_TEST_JUDGE_KEY, rubric: 'The answer is right.'}");
            Runner runner = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of())).getInstance(Runner.class);

            RunResult result = runner.start(RunSettings.builder(suite, "oracle").concurrency(1).timeout(Duration.ofSeconds(10))
                    .out(temp.resolve("run")).build()).execute(ProgressListener.NONE);

            assertThat(result.aborted()).isTrue();
            assertThat(result.reason()).startsWith("3 trials in a row failed the same way, which would fail every trial:"
                    + " reward check judge failed: FatalEnvironmentException: judge openai/judge-test could not be called:"
                    + " HTTP 404 from POST " + judge.baseUrl() + "/wrong/chat/completions");
            assertThat(result.summary().trials()).as("not recorded: resume grades them again").isZero();
        }
    }
}
