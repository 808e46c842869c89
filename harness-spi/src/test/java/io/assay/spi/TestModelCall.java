package io.assay.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestModelCall {
    private static final ModelCall CALL = new ModelCall("openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "fp_1",
            61, 12, new BigDecimal("0.00001635"), 412, 2, "stop", Map.of("model", "gpt-4o-mini"), "not json");

    @Test
    void itsStepHasTheKindAndKeysTrialsRecord() {
        TraceStep step = CALL.step();

        assertThat(step.kind()).isEqualTo("model_call");
        assertThat(step.data()).containsExactly(Map.entry("provider", "openai"), Map.entry("model", "gpt-4o-mini"),
                Map.entry("served_model", "gpt-4o-mini-2024-07-18"), Map.entry("fingerprint", "fp_1"),
                Map.entry("input_tokens", 61L), Map.entry("output_tokens", 12L),
                Map.entry("cost_usd", new BigDecimal("0.00001635")), Map.entry("latency_ms", 412L),
                Map.entry("attempts", 2), Map.entry("stop_reason", "stop"),
                Map.entry("request", Map.of("model", "gpt-4o-mini")), Map.entry("response", "not json"));
    }

    @Test
    void readsBackWhatItsStepWrites() {
        assertThat(ModelCall.from(CALL.step())).contains(CALL);
        assertThat(ModelCall.from(TraceStep.note("model_call"))).isEmpty();
    }

    @Test
    void aStepReadBackFromJsonCountsMissingFiguresAsNone() {
        // Read back from trials.jsonl: small numbers are ints, decimals may be doubles, keys may be missing.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("provider", "anthropic");
        data.put("model", "claude");
        data.put("input_tokens", 7);
        data.put("cost_usd", 0.5);
        data.put("served_model", null);

        assertThat(ModelCall.from(new TraceStep("model_call", data))).contains(new ModelCall("anthropic", "claude",
                null, null, 7, 0, new BigDecimal("0.5"), 0, 1, null, null, null));
    }

    @Test
    void findsTheCallsACheckListsInItsEvidenceAtAnyDepth() {
        ModelCall judge = new ModelCall("openai", "judge", null, null, 1, 1, null, 5, 1, "stop", null, null);
        Map<String, Object> evidence = Map.of("checks", List.of(
                Map.of("check", "checks[0] (judge)", "evidence", Map.of("model_calls", List.of(CALL.step().data()))),
                Map.of("check", "checks[1] (judge)", "evidence", Map.of("model_calls", List.of(judge.step().data())))));

        assertThat(ModelCall.inEvidence(evidence)).containsExactly(CALL, judge);
        assertThat(ModelCall.inEvidence(Map.of("reply", "no calls here"))).isEmpty();
    }
}
