package io.assay.spi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call to a model, as a trial records it: what was asked of which endpoint, what it said it
 * served, and what the call cost. The harness adds up every trial's calls (tokens, cost for
 * {@code --max-cost}, served identities) from the {@code model_call} steps of the agent's trace and
 * the {@code model_calls} a check lists in its reward's evidence, as a judge does.
 *
 * <pre>{@code
 * ModelCall call = new ModelCall("openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "fp_0ba0d124f1",
 *         61, 12, new BigDecimal("0.00001635"), 412, 1, "stop", requestJson, responseJson);
 * trace.add(call.step());                                      // an agent's trace
 * evidence.put("model_calls", List.of(call.step().data()));    // a judge's evidence
 * long tokens = ModelCall.from(step).map(ModelCall::inputTokens).orElse(0L);
 * }</pre>
 *
 * @param provider who serves the model, such as {@code openai} or {@code anthropic}
 * @param model the model requested
 * @param servedModel the model the endpoint said it served, or {@code null} when it did not say
 * @param fingerprint the endpoint's system fingerprint, or {@code null}
 * @param costUsd what the call cost in US dollars, or {@code null} when the model's price is unknown
 * @param latencyMs how long the successful attempt took
 * @param attempts HTTP attempts, retries included
 * @param stopReason why generation stopped, in the provider's words
 * @param request the request as sent (JSON-shaped, no key), or {@code null}
 * @param response the response as received (JSON-shaped, or its text when it was not JSON), or {@code null}
 */
public record ModelCall(String provider, String model, String servedModel, String fingerprint, long inputTokens,
                        long outputTokens, BigDecimal costUsd, long latencyMs, int attempts, String stopReason,
                        Object request, Object response) {
    private static final String KIND = "model_call";
    private static final String EVIDENCE = "model_calls";

    /** This call as a trace step: kind {@code model_call}, data keyed in snake case ({@code served_model}, ...). */
    public TraceStep step() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("provider", provider);
        data.put("model", model);
        data.put("served_model", servedModel);
        data.put("fingerprint", fingerprint);
        data.put("input_tokens", inputTokens);
        data.put("output_tokens", outputTokens);
        data.put("cost_usd", costUsd);
        data.put("latency_ms", latencyMs);
        data.put("attempts", attempts);
        data.put("stop_reason", stopReason);
        data.put("request", request);
        data.put("response", response);
        return new TraceStep(KIND, data);
    }

    /**
     * The call a {@code model_call} step records; empty for any other step. Missing figures read
     * as none (one attempt), so a trace another agent wrote still counts.
     */
    public static Optional<ModelCall> from(TraceStep step) {
        return step.kind().equals(KIND) ? Optional.of(of(step.data())) : Optional.empty();
    }

    /**
     * The calls a check listed under {@code model_calls} in its reward's evidence, at any depth, since
     * a combinator nests its children's evidence; in order.
     */
    public static List<ModelCall> inEvidence(Map<String, ?> evidence) {
        List<ModelCall> calls = new ArrayList<>();
        collect(evidence, calls);
        return calls;
    }

    private static void collect(Object evidence, List<ModelCall> calls) {
        if (evidence instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (EVIDENCE.equals(key) && value instanceof List<?> list) {
                    list.stream().filter(Map.class::isInstance).forEach(call -> calls.add(of((Map<?, ?>) call)));
                } else {
                    collect(value, calls);
                }
            });
        } else if (evidence instanceof List<?> list) {
            list.forEach(item -> collect(item, calls));
        }
    }

    private static ModelCall of(Map<?, ?> data) {
        return new ModelCall(text(data.get("provider")), text(data.get("model")), text(data.get("served_model")),
                text(data.get("fingerprint")), number(data.get("input_tokens"), 0), number(data.get("output_tokens"), 0),
                data.get("cost_usd") instanceof Number price ? new BigDecimal(price.toString()) : null,
                number(data.get("latency_ms"), 0), (int) number(data.get("attempts"), 1), text(data.get("stop_reason")),
                data.get("request"), data.get("response"));
    }

    private static long number(Object value, long fallback) {
        return value instanceof Number number ? number.longValue() : fallback;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
