package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.json.Json;
import io.assay.launcher.InputException;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.core.testing.SuiteFiles;
import io.assay.core.testing.TestingPlugin;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunner {
    private static final String EQUALS = "{type: equals}";

    @TempDir
    Path temp;

    private final Runner runner = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Runner.class);

    @Test
    void recordsEveryTrialOnceAndWritesTheSummaryContract() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 4, EQUALS);
        RunResult result = runner.start(request(suite, "answer", 3, 2, temp.resolve("run"))).execute(ProgressListener.NONE);

        List<TrialRecord> trials = trials(result.directory());
        assertThat(trials).hasSize(12).allMatch(TrialRecord::passed);
        assertThat(keys(trials)).hasSize(12);
        JsonNode summary = Json.MAPPER.readTree(result.directory().resolve("summary.json").toFile());
        assertThat(summary.path("suite").asText()).isEqualTo("numbers");
        assertThat(summary.path("agent").asText()).isEqualTo("answer");
        assertThat(summary.path("trials").asInt()).isEqualTo(12);
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(summary.path("score").path("mean").asDouble()).isEqualTo(1.0);
        assertThat(summary.path("score").path("ci95")).hasSize(2);
        assertThat(summary.path("pass_at_k").path("3").asDouble()).isEqualTo(1.0);
        assertThat(summary.path("pass_hat_k").path("3").asDouble()).isEqualTo(1.0);
        assertThat(summary.path("segments").path("level").path("easy").path("tasks").asInt()).isEqualTo(2);
        JsonNode manifest = Json.MAPPER.readTree(result.directory().resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("completed");
        assertThat(manifest.path("suite").path("content_hash").asText()).startsWith("sha256:");
        assertThat(manifest.path("jdk").asText()).isNotBlank();
    }

    @Test
    void seedsDependOnlyOnSuiteTaskEpochAndBaseSeed() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, EQUALS);
        List<TrialRecord> first = trials(runner.start(request(suite, "seed", 2, 4, temp.resolve("a")))
                .execute(ProgressListener.NONE).directory());
        List<TrialRecord> second = trials(runner.start(request(suite, "seed", 2, 1, temp.resolve("b")))
                .execute(ProgressListener.NONE).directory());
        assertThat(seedsByKey(first)).isEqualTo(seedsByKey(second));
        assertThat(new HashSet<>(seedsByKey(first).values())).hasSize(6);
        assertThat(first).allMatch(t -> t.output().answer().equals(Long.toString(t.seed())));
    }

    @Test
    void agentFailureTimeoutAndHarnessErrorAreDistinctOutcomes() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, EQUALS);
        assertThat(outcomes(suite, "throws", Duration.ofSeconds(5), 0)).containsOnly(Outcome.AGENT_ERROR);
        assertThat(outcomes(suite, "sleepy", Duration.ofMillis(5), 0)).containsOnly(Outcome.TIMEOUT);
        assertThat(outcomes(suite, "flaky-env", Duration.ofSeconds(5), 0)).containsOnly(Outcome.HARNESS_ERROR);

        Path broken = SuiteFiles.write(temp.resolve("broken"), "broken", 2, "{type: fragile}");
        RunResult result = runner.start(request(broken, "wrong", 1, 2, temp.resolve("graded")))
                .execute(ProgressListener.NONE);
        assertThat(trials(result.directory())).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.HARNESS_ERROR);
            assertThat(t.error()).contains("grader bug");
            assertThat(t.output()).isNotNull();
        });
        assertThat(result.summary().errors()).isEqualTo(2);
        assertThat(result.summary().score().mean()).as("no score, not a score of 0").isNull();
        assertThat(result.summary().passRate()).isNull();
    }

    @Test
    void theMostCommonErrorOfUnscoredTrialsIsAWarning() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, EQUALS);

        RunResult result = runner.start(request(suite, "flaky-env", 1, 2, temp.resolve("run"))).execute(ProgressListener.NONE);

        assertThat(result.warnings()).containsExactly(
                "most common error (3 of 3 unscored trials): EnvironmentException: sandbox did not start");
        RunResult clean = runner.start(request(suite, "throws", 1, 2, temp.resolve("agent-failures")))
                .execute(ProgressListener.NONE);
        assertThat(clean.warnings()).as("agent failures are scored, not errors").isEmpty();
    }

    @Test
    void harnessErrorsAreExcludedFromTheScoreAndAgentFailuresAreNot() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, EQUALS);
        RunResult failed = runner.start(request(suite, "throws", 1, 1, temp.resolve("f"))).execute(ProgressListener.NONE);
        assertThat(failed.summary().score().mean()).isZero();
        assertThat(failed.summary().errors()).isZero();
        assertThat(failed.summary().trials()).isEqualTo(2);
    }

    @Test
    void retryErrorsRetriesOnlyHarnessErrors() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, EQUALS);
        RunSettings retried = RunSettings.builder(suite, "flaky-env").agentOptions(Options.of(Map.of("failures", "2")))
                .concurrency(2).timeout(Duration.ofSeconds(5)).retryErrors(2).out(temp.resolve("r")).build();
        List<TrialRecord> trials = trials(runner.start(retried).execute(ProgressListener.NONE).directory());
        assertThat(trials).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(t.attempts()).isEqualTo(3);
        });

        RunSettings agentFailure = RunSettings.builder(suite, "throws").concurrency(2).timeout(Duration.ofSeconds(5))
                .retryErrors(2).out(temp.resolve("t")).build();
        assertThat(trials(runner.start(agentFailure).execute(ProgressListener.NONE).directory()))
                .allMatch(t -> t.attempts() == 1 && t.outcome() == Outcome.AGENT_ERROR);
    }

    @Test
    void neverRunsMoreTrialsAtOnceThanTheConcurrency() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 12, EQUALS);
        TestingPlugin.MAX_CONCURRENT.set(0);
        RunSettings request = RunSettings.builder(suite, "sleepy").agentOptions(Options.of(Map.of("ms", "20")))
                .concurrency(3).timeout(Duration.ofSeconds(5)).out(temp.resolve("c")).build();
        runner.start(request).execute(ProgressListener.NONE);
        assertThat(TestingPlugin.MAX_CONCURRENT.get()).isBetween(1, 3);
    }

    @Test
    void resumeRunsOnlyMissingTrialsAndDropsATornLastLine() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 5, EQUALS);
        Path run = temp.resolve("run");
        runner.start(request(suite, "answer", 2, 3, run)).execute(ProgressListener.NONE);
        // Simulate a crash: keep 4 of 10 lines, then half of a fifth, and mark the run unfinished.
        List<String> lines = Files.readAllLines(run.resolve("trials.jsonl"));
        String torn = lines.get(4).substring(0, lines.get(4).length() / 2);
        Files.writeString(run.resolve("trials.jsonl"), String.join("\n", lines.subList(0, 4)) + "\n" + torn);
        Set<TrialKey> kept = keys(trials(run));
        assertThat(kept).hasSize(4);

        RunResult resumed = runner.resume(run, null, null, null).execute(ProgressListener.NONE);

        List<TrialRecord> trials = trials(run);
        assertThat(resumed.trialsRun()).isEqualTo(6);
        assertThat(trials).hasSize(10);
        assertThat(keys(trials)).hasSize(10).containsAll(kept);
        assertThat(Files.readString(run.resolve("trials.jsonl"))).doesNotContain(torn + "{");
        assertThat(resumed.summary().trials()).isEqualTo(10);
    }

    @Test
    void stopLeavesOnlyWholeTrialsAndTheRunResumesToCompletion() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 20, EQUALS);
        Path runDir = temp.resolve("run");
        RunSettings request = RunSettings.builder(suite, "sleepy").agentOptions(Options.of(Map.of("ms", "100")))
                .concurrency(2).timeout(Duration.ofSeconds(30)).out(runDir).build();
        Run run = runner.start(request);
        CountDownLatch firstTrial = new CountDownLatch(1);
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.set(run.execute(new ProgressListener() {
                    @Override
                    public void trialFinished(TrialRecord record) {
                        firstTrial.countDown();
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        firstTrial.await();
        run.stop();
        thread.join();

        assertThat(result.get().interrupted()).isTrue();
        List<TrialRecord> recorded = trials(runDir);
        assertThat(recorded).isNotEmpty().hasSizeLessThan(20).allMatch(t -> t.outcome() == Outcome.COMPLETED);
        assertThat(Json.MAPPER.readTree(runDir.resolve("manifest.json").toFile()).path("status").asText())
                .isEqualTo("interrupted");

        runner.resume(runDir, 8, null, null).execute(ProgressListener.NONE);
        assertThat(keys(trials(runDir))).hasSize(20);
        assertThat(trials(runDir)).hasSize(20).allMatch(TrialRecord::passed);
    }

    @Test
    void resumeRefusesASuiteThatChanged() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, EQUALS);
        Path run = temp.resolve("run");
        runner.start(request(suite, "answer", 1, 1, run)).execute(ProgressListener.NONE);
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"new\",\"prompt\":\"p\",\"answer\":\"a\"}\n");

        assertThatThrownBy(() -> runner.resume(run, null, null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("changed since the run started");
    }

    @Test
    void refusesToOverwriteAnExistingRun() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 1, EQUALS);
        Path run = temp.resolve("run");
        runner.start(request(suite, "answer", 1, 1, run)).execute(ProgressListener.NONE);

        assertThatThrownBy(() -> runner.start(request(suite, "answer", 1, 1, run)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("already holds a run");
    }

    @Test
    void unknownAgentNamesTheAvailableOnes() {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 1, EQUALS);
        assertThatThrownBy(() -> runner.start(request(suite, "nobody", 1, 1, temp.resolve("run"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown agent 'nobody'")
                .hasMessageContaining("answer");
    }

    private RunSettings request(Path suite, String agent, int epochs, int concurrency, Path out) {
        return RunSettings.builder(suite, agent).epochs(epochs).concurrency(concurrency).timeout(Duration.ofSeconds(10))
                .out(out).arguments(List.of("run", suite.toString())).build();
    }

    private List<Outcome> outcomes(Path suite, String agent, Duration timeout, int retries) throws Exception {
        RunSettings request = RunSettings.builder(suite, agent).concurrency(2).timeout(timeout).retryErrors(retries)
                .out(temp.resolve(agent + "-" + timeout.toMillis())).build();
        return trials(runner.start(request).execute(ProgressListener.NONE).directory()).stream()
                .map(TrialRecord::outcome).toList();
    }

    static List<TrialRecord> trials(Path run) throws IOException {
        List<TrialRecord> trials = new ArrayList<>();
        RunDirectory.open(run).forEachTrial(t -> trials.add(t.record()));
        return trials;
    }

    private static Set<TrialKey> keys(List<TrialRecord> trials) {
        Set<TrialKey> keys = new HashSet<>();
        trials.forEach(t -> keys.add(new TrialKey(t.task(), t.epoch())));
        return keys;
    }

    private static Map<TrialKey, Long> seedsByKey(List<TrialRecord> trials) {
        Map<TrialKey, Long> seeds = new HashMap<>();
        trials.forEach(t -> seeds.put(new TrialKey(t.task(), t.epoch()), t.seed()));
        return seeds;
    }
}
