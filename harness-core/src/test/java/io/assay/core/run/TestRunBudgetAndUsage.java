package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.json.Json;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.ModelUsageSummary;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunReport;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.core.testing.SuiteFiles;
import io.assay.spi.Options;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model usage in the summary, and {@code --max-cost}, with an agent that records one priced model call a trial. */
class TestRunBudgetAndUsage {
    private final Runner runner = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Runner.class);

    @TempDir
    Path temp;

    private RunSettings request(Path suite, Map<String, Object> options, int epochs, int concurrency, Path out,
                                BigDecimal maxCost) {
        return RunSettings.builder(suite, "spender").agentOptions(Options.of(options)).epochs(epochs)
                .concurrency(concurrency).timeout(Duration.ofSeconds(10)).out(out).maxCostUsd(maxCost).build();
    }

    @Test
    void theSummaryAddsUpTokensCostAndServedIdentity() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: equals}");

        RunResult result = runner.start(request(suite, Map.of(), 2, 2, temp.resolve("run"), null))
                .execute(ProgressListener.NONE);

        ModelUsageSummary usage = result.summary().usage();
        assertThat(usage.modelCalls()).isEqualTo(6);
        assertThat(usage.inputTokens()).isEqualTo(600);
        assertThat(usage.outputTokens()).isEqualTo(120);
        assertThat(usage.costUsd()).isEqualByComparingTo("0.06");
        assertThat(usage.meanLatencyMs()).isEqualTo(200);
        assertThat(usage.models().get("openai/gpt-test").servedModels()).containsExactly("gpt-test-2026-01-01");
        // Two epochs report two fingerprints: the endpoint changed something during the run.
        assertThat(usage.warnings()).singleElement().asString().contains("2 system fingerprints");
        assertThat(RunReport.completed(temp.resolve("run")).summaryJson()).as("summary.json reads back whole, usage too")
                .contains("gpt-test-2026-01-01").isEqualTo(RunReport.of(temp.resolve("run")).summaryJson());
    }

    @Test
    void eachTrialLineCarriesItsOwnUsage() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: equals}");

        RunResult result = runner.start(request(suite, Map.of(), 1, 1, temp.resolve("run"), null))
                .execute(ProgressListener.NONE);

        List<String> lines = Files.readAllLines(result.directory().resolve("trials.jsonl"));
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(Json.MAPPER.readTree(line).get("usage").toString())
                .isEqualTo("{\"model_calls\":1,\"attempts\":1,\"input_tokens\":100,\"output_tokens\":20,"
                        + "\"cost_usd\":0.01,\"unpriced_calls\":0,\"latency_ms\":200}"));
    }

    @Test
    void aServedModelOtherThanTheRequestedOneIsAWarning() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: equals}");

        RunResult result = runner.start(request(suite, Map.of("served", "llama-3-8b"), 1, 1, temp.resolve("run"), null))
                .execute(ProgressListener.NONE);

        assertThat(result.summary().usage().warnings())
                .containsExactly("openai/gpt-test was served as llama-3-8b in 2 of 2 calls");
    }

    @Test
    void noModelCallsMeansNoUsageSection() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: equals}");

        RunResult result = runner.start(RunSettings.builder(suite, "answer").concurrency(1)
                .timeout(Duration.ofSeconds(10)).out(temp.resolve("run")).build()).execute(ProgressListener.NONE);

        assertThat(result.summary().usage()).isNull();
        assertThat(Files.readString(result.directory().resolve("trials.jsonl"))).doesNotContain("\"usage\"");
    }

    @Test
    void theBudgetStopsSchedulingAndAResumeWithMoreFinishesTheRun() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 10, "{type: equals}");
        Path run = temp.resolve("run");

        RunResult stopped = runner.start(request(suite, Map.of(), 1, 1, run, new BigDecimal("0.035")))
                .execute(ProgressListener.NONE);

        assertThat(stopped.budgetReached()).isTrue();
        assertThat(stopped.summary().trials()).isEqualTo(4); // 0.04 spent reaches 0.035; one at a time
        assertThat(RunDirectory.open(run).readManifest().status()).isEqualTo(Manifest.BUDGET_REACHED);

        RunResult finished = runner.resume(run, null, new BigDecimal("1.00"), null).execute(ProgressListener.NONE);

        assertThat(finished.budgetReached()).isFalse();
        assertThat(finished.summary().trials()).isEqualTo(10);
        assertThat(finished.summary().usage().costUsd()).isEqualByComparingTo("0.10");
        assertThat(RunDirectory.open(run).readManifest().settings().maxCostUsd()).isEqualByComparingTo("1.00");
    }

    @Test
    void aBudgetMustBePositive() {
        Path suite = temp.resolve("suite");

        assertThatThrownBy(() -> request(suite, Map.of(), 1, 1, temp.resolve("run"), BigDecimal.ZERO))
                .isInstanceOf(InputException.class).hasMessage("--max-cost must be a positive amount in US dollars, got 0");
    }
}
