package io.assay.core.run;

import static io.assay.core.run.TestRunner.trials;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.json.Json;
import io.assay.launcher.Manifest;
import io.assay.launcher.MaxErrors;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.core.testing.SuiteFiles;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that stop by themselves: a fatal error that repeats, {@code --max-errors}, an environment that cannot start. */
class TestRunFailFast {
    private static final String EQUALS = "{type: equals}";

    private final Runner runner = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Runner.class);

    @TempDir
    Path temp;

    @Test
    void aFatalErrorInEveryTrialAbortsTheRunWhichResumesOnceTheCauseIsFixed() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 20, EQUALS);
        Path key = Files.writeString(temp.resolve("key"), "refused");
        Path run = temp.resolve("run");

        RunResult aborted = runner.start(request(suite, "keyed", Map.of("key_file", key.toString()), 2, 0, run, null))
                .execute(ProgressListener.NONE);

        String reason = "3 trials in a row failed the same way, which would fail every trial: "
                + "FatalEnvironmentException: HTTP 401 from the model: key refused";
        assertThat(aborted.aborted()).isTrue();
        assertThat(aborted.reason()).isEqualTo(reason);
        JsonNode manifest = json(run.resolve("manifest.json"));
        assertThat(manifest.path("status").asText()).isEqualTo("aborted");
        assertThat(manifest.path("reason").asText()).isEqualTo(reason);
        assertThat(trials(run)).as("trials that failed fatally run again on resume").isEmpty();
        JsonNode summary = json(run.resolve("summary.json"));
        assertThat(summary.path("trials").asInt()).isZero();
        assertThat(summary.path("score").path("mean").isNull()).isTrue();

        Files.writeString(key, "good");
        RunResult resumed = runner.resume(run, null, null, null).execute(ProgressListener.NONE);

        assertThat(resumed.status()).isEqualTo(Manifest.COMPLETED);
        assertThat(trials(run)).hasSize(20).allMatch(TrialRecord::passed);
        assertThat(json(run.resolve("manifest.json")).has("reason")).isFalse();
    }

    @Test
    void aFatalErrorIsNotRetriedAndIsRecordedWhenItDoesNotPersist() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 5, EQUALS);
        Path run = temp.resolve("run");

        RunResult result = runner.start(request(suite, "fatal-on", Map.of("task", "t0"), 2, run, null))
                .execute(ProgressListener.NONE);

        assertThat(result.status()).isEqualTo(Manifest.COMPLETED);
        List<TrialRecord> trials = trials(run);
        assertThat(trials).hasSize(5);
        TrialRecord t0 = trials.stream().filter(t -> t.task().equals("t0")).findFirst().orElseThrow();
        assertThat(t0.outcome()).isEqualTo(Outcome.HARNESS_ERROR);
        assertThat(t0.attempts()).as("--retry-errors 2 does not retry a fatal error").isEqualTo(1);
        assertThat(t0.error()).isEqualTo("FatalEnvironmentException: HTTP 404 for task t0");
    }

    @Test
    void maxErrorsStopsTheRunIsRecordedAndIsKeptOnResume() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 10, EQUALS);
        Path run = temp.resolve("run");

        RunResult aborted = runner.start(request(suite, "flaky-env", Map.of(), 0, run, MaxErrors.parse("2")))
                .execute(ProgressListener.NONE);

        assertThat(aborted.aborted()).isTrue();
        assertThat(aborted.reason()).isEqualTo("3 of 3 trials ended in harness or judge errors, more than --max-errors 2 allows");
        assertThat(trials(run)).as("ordinary errors are recorded").hasSize(3);
        assertThat(json(run.resolve("manifest.json")).path("settings").path("max_errors").asText()).isEqualTo("2");

        RunResult again = runner.resume(run, null, null, null).execute(ProgressListener.NONE);

        assertThat(again.aborted()).as("the limit is kept, and counted afresh").isTrue();
        assertThat(trials(run)).hasSize(6);

        RunResult raised = runner.resume(run, null, null, MaxErrors.parse("10")).execute(ProgressListener.NONE);

        assertThat(raised.status()).isEqualTo(Manifest.COMPLETED);
        assertThat(trials(run)).hasSize(10);
        assertThat(json(run.resolve("manifest.json")).path("settings").path("max_errors").asText()).isEqualTo("10");
    }

    @Test
    void anEnvironmentThatCannotStartFailsTheRunWhichResumesOnceItCan() throws Exception {
        Path docker = temp.resolve("docker-running");
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 6, EQUALS);
        Files.writeString(suite.resolve("suite.yaml"), "environment: {type: needs-file, file: '" + docker + "'}\n",
                StandardOpenOption.APPEND);
        Path run = temp.resolve("run");

        RunResult failed = runner.start(request(suite, "answer", Map.of(), 0, run, null)).execute(ProgressListener.NONE);

        String reason = "the environment could not start: Docker is needed for this suite and none is reachable";
        assertThat(failed.failed()).isTrue();
        assertThat(failed.reason()).isEqualTo(reason);
        JsonNode manifest = json(run.resolve("manifest.json"));
        assertThat(manifest.path("status").asText()).isEqualTo("failed");
        assertThat(manifest.path("reason").asText()).isEqualTo(reason);
        JsonNode summary = json(run.resolve("summary.json"));
        assertThat(summary.path("trials").asInt()).isZero();
        assertThat(summary.path("expected_trials").asInt()).isEqualTo(6);
        assertThat(summary.path("score").path("mean").isNull()).isTrue();

        Files.createFile(docker);
        RunResult resumed = runner.resume(run, null, null, null).execute(ProgressListener.NONE);

        assertThat(resumed.status()).isEqualTo(Manifest.COMPLETED);
        assertThat(trials(run)).hasSize(6).allMatch(TrialRecord::passed);
    }

    /** One trial at a time, so trials finish in plan order, unless said otherwise. */
    private static RunSettings request(Path suite, String agent, Map<String, Object> options, int retryErrors, Path out,
                                      MaxErrors maxErrors) {
        return request(suite, agent, options, 1, retryErrors, out, maxErrors);
    }

    private static RunSettings request(Path suite, String agent, Map<String, Object> options, int concurrency,
                                      int retryErrors, Path out, MaxErrors maxErrors) {
        return RunSettings.builder(suite, agent).agentOptions(Options.of(options)).concurrency(concurrency)
                .timeout(Duration.ofSeconds(10)).retryErrors(retryErrors).out(out).maxErrors(maxErrors).build();
    }

    private static JsonNode json(Path file) throws IOException {
        return Json.MAPPER.readTree(file.toFile());
    }
}
