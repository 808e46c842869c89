package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class TestUsageLedger {

    private static final ModelSpec MINI = ModelSpec.parse("openai/gpt-4o-mini");
    private static final ModelSpec LOCAL = ModelSpec.parse("openai/llama3.1:8b");

    private final UsageLedger ledger = new UsageLedger(PriceTable.of(Map.of(
            "gpt-4o-mini", new PriceTable.Price(new BigDecimal("1"), new BigDecimal("2")))));

    private static ModelResponse response(String servedModel, String fingerprint, long in, long out, int attempts) {
        return new ModelResponse("ok", List.of(), "stop", new Usage(in, out), servedModel, fingerprint,
                Duration.ofMillis(100), attempts, "{}", "{}");
    }

    @Test
    void addsUpCallsTokensCostAndLatencyAndReturnsEachCallsCost() {
        assertThat(ledger.record(MINI, response("gpt-4o-mini", null, 1_000_000, 0, 1))).contains(new BigDecimal("1"));
        assertThat(ledger.record(LOCAL, response("llama3.1:8b", null, 10, 10, 3))).isEmpty();

        UsageTotals totals = ledger.totals();
        assertThat(totals.calls()).isEqualTo(2);
        assertThat(totals.attempts()).isEqualTo(4);
        assertThat(totals.usage()).isEqualTo(new Usage(1_000_010, 10));
        assertThat(totals.knownCost()).isEqualByComparingTo("1");
        assertThat(totals.callsWithUnknownCost()).isEqualTo(1);
        assertThat(totals.latency()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void theBudgetIsReachedAtTheLimit() {
        ledger.record(MINI, response("gpt-4o-mini", null, 500_000, 0, 1));
        assertThat(ledger.budgetReached(new BigDecimal("1"))).isFalse();

        ledger.record(MINI, response("gpt-4o-mini", null, 500_000, 0, 1));
        assertThat(ledger.budgetReached(new BigDecimal("1"))).isTrue();
    }

    @Test
    void countsExactlyUnderConcurrentRecording() throws Exception {
        try (ExecutorService trials = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) {
                trials.submit(() -> ledger.record(MINI, response("gpt-4o-mini", null, 1000, 1000, 1)));
            }
        }

        assertThat(ledger.totals().calls()).isEqualTo(1000);
        assertThat(ledger.totals().knownCost()).isEqualByComparingTo("3");
    }

    @Test
    void aDatedSnapshotOfTheRequestedAliasIsTheSameModel() {
        ledger.record(MINI, response("gpt-4o-mini-2024-07-18", "fp_1", 1, 1, 1));
        ledger.record(ModelSpec.parse("anthropic/claude-3-5-haiku-latest"), response("claude-3-5-haiku-20241022", null, 1, 1, 1));

        assertThat(ledger.identityWarnings()).isEmpty();
    }

    @Test
    void warnsWhenAnotherModelIsServedOrTheServedModelOrFingerprintChanges() {
        ledger.record(MINI, response("gpt-4o-mini", "fp_1", 1, 1, 1));
        ledger.record(MINI, response("gpt-4o-2024-08-06", "fp_2", 1, 1, 1));

        assertThat(ledger.identityWarnings()).containsExactly(
                "openai/gpt-4o-mini: the endpoint served \"gpt-4o-2024-08-06\", not the model requested",
                "openai/gpt-4o-mini: the served model changed during the run: gpt-4o-mini, gpt-4o-2024-08-06",
                "openai/gpt-4o-mini: the system fingerprint changed during the run: fp_1, fp_2");
    }
}
