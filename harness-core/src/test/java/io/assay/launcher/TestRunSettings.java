package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Options;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TestRunSettings {
    private static final Path SUITE = Path.of("examples/arithmetic");

    @Test
    void defaultsAreThoseOfAssayRun() {
        RunSettings settings = RunSettings.builder(SUITE, "oracle").build();

        assertThat(settings.epochs()).isEqualTo(1);
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.retryErrors()).isZero();
        assertThat(settings.seed()).isZero();
        assertThat(settings.out()).isNull();
        assertThat(settings.sinks()).isEmpty();
        assertThat(settings.baselines()).isFalse();
        assertThat(settings.maxCostUsd()).isNull();
        assertThat(settings.maxErrors()).isNull();
        assertThat(settings.selection()).isEqualTo(TaskSelection.ALL);
        assertThat(settings.agentOptions().values()).isEmpty();
    }

    @Test
    void eachValueOutOfRangeNamesItsFlag() {
        assertRefused(b -> b.epochs(0), "--epochs must be at least 1, got 0");
        assertRefused(b -> b.concurrency(-1), "--concurrency must be at least 1, got -1");
        assertRefused(b -> b.timeout(Duration.ZERO), "--timeout must be positive, got PT0S");
        assertRefused(b -> b.timeout(Duration.ofSeconds(-5)), "--timeout must be positive, got PT-5S");
        assertRefused(b -> b.retryErrors(-1), "--retry-errors must be 0 or more, got -1");
        assertRefused(b -> b.maxCostUsd(new BigDecimal("0.00")), "--max-cost must be a positive amount in US dollars, got 0.00");
    }

    @Test
    void theManifestRecordsTheSchedulingAndAResumeReadsTheSameSettingsBack() {
        TaskSelection selection = TaskSelection.parse(List.of("t*"), List.of(), 3, null).withSplit("test");
        RunSettings started = RunSettings.builder(Path.of("suites/numbers"), "answer")
                .agentOptions(Options.of(Map.of("model", "openai/m")))
                .epochs(3).concurrency(4).timeout(Duration.ofMillis(1500)).retryErrors(2).seed(7)
                .sinks(List.of("csv")).baselines(true).arguments(List.of("run", "suites/numbers"))
                .maxCostUsd(new BigDecimal("2.50")).maxErrors(MaxErrors.parse("10%")).selection(selection)
                .environmentOptions(Options.of(Map.of("allow_internet", "true")))
                .checkDefaults(Map.of("judge", Options.of(Map.of("model", "openai/judge"))))
                .build();
        Manifest manifest = Manifest.started("run-1", new Manifest.SuiteRef("numbers", "1", "sha256:x", "suites/numbers", 10, 3),
                started, "2026-01-02T03:04:05Z", Map.of("empty", 0.0), List.of());

        assertThat(manifest.settings()).isEqualTo(new Manifest.Settings(3, 4, 1.5, 2, 7, List.of("csv"),
                new BigDecimal("2.50"), MaxErrors.parse("10%"), selection, Map.of("allow_internet", "true"),
                Map.of("judge", Map.of("model", "openai/judge"))));
        RunSettings resumed = RunSettings.resuming(manifest).build();

        assertThat(resumed.suite()).isEqualTo(Path.of(manifest.workingDirectory()).resolve("suites/numbers"));
        assertThat(resumed.agent()).isEqualTo("answer");
        assertThat(resumed.agentOptions().values()).isEqualTo(Map.of("model", "openai/m"));
        assertThat(resumed.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(resumed.baselines()).isTrue();
        assertThat(resumed.arguments()).containsExactly("run", "suites/numbers");
        assertThat(resumed.selection().split()).isEqualTo("test");
        assertThat(resumed.environmentOptions().values()).isEqualTo(Map.of("allow_internet", "true"));
        assertThat(resumed.checkDefaults()).isEqualTo(Map.of("judge", Options.of(Map.of("model", "openai/judge"))));
        assertThat(manifest.resumed(resumed).settings()).isEqualTo(manifest.settings());
    }

    @Test
    void aResumeMayChangeTheConcurrencyBudgetAndErrorLimitOnly() {
        Manifest manifest = Manifest.started("run-1", new Manifest.SuiteRef("numbers", "1", "sha256:x", "suite", 2, null),
                RunSettings.builder(Path.of("suite"), "answer").build(), "2026-01-02T03:04:05Z", null, List.of());

        RunSettings changed = RunSettings.resuming(manifest).concurrency(2).maxCostUsd(BigDecimal.ONE)
                .maxErrors(MaxErrors.parse("3")).build();
        Manifest resumed = manifest.resumed(changed);

        assertThat(resumed.settings()).isEqualTo(new Manifest.Settings(1, 2, 300.0, 0, 0, List.of(), BigDecimal.ONE,
                MaxErrors.parse("3"), null, null, null));
        assertThat(resumed.status()).isEqualTo(Manifest.RUNNING);
        assertThat(resumed.started()).isEqualTo(manifest.started());
        assertThatThrownBy(() -> RunSettings.resuming(manifest).concurrency(0).build())
                .isInstanceOf(InputException.class).hasMessage("--concurrency must be at least 1, got 0");
    }

    @Test
    void asRecordedKeepsTheRecordedSchedulingForAnotherAgentAndSuitePath() {
        RunSettings started = RunSettings.builder(Path.of("suites/numbers"), "answer")
                .agentOptions(Options.of(Map.of("model", "openai/m"))).epochs(3).timeout(Duration.ofSeconds(90)).seed(7)
                .retryErrors(1).environmentOptions(Options.of(Map.of("allow_internet", "true"))).build();
        Manifest manifest = Manifest.started("run-1", new Manifest.SuiteRef("numbers", "1", "sha256:x", "suites/numbers", 10, null),
                started, "2026-01-02T03:04:05Z", null, List.of());

        RunSettings again = RunSettings.asRecorded(manifest, Path.of("copy/numbers"), "oracle", Options.empty()).build();

        assertThat(again.suite()).isEqualTo(Path.of("copy/numbers"));
        assertThat(again.agent()).isEqualTo("oracle");
        assertThat(again.agentOptions().values()).isEmpty();
        assertThat(again.epochs()).isEqualTo(3);
        assertThat(again.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(again.seed()).isEqualTo(7);
        assertThat(again.retryErrors()).isEqualTo(1);
        assertThat(again.environmentOptions().values()).isEqualTo(Map.of("allow_internet", "true"));
    }

    private static void assertRefused(UnaryOperator<RunSettings.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(RunSettings.builder(SUITE, "oracle")).build())
                .isInstanceOf(InputException.class)
                .hasMessage(message);
    }
}
