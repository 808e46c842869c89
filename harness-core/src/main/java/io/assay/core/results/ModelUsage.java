package io.assay.core.results;

import io.assay.core.launcher.ModelUsageSummary;
import io.assay.kit.Plural;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds the model calls of a run's trials: tokens, cost, latency and the identity each endpoint
 * reported. Calls are the {@code model_call} steps of an agent's trace and the {@code model_calls}
 * an LLM judge leaves in its reward's evidence. A served model that is not the one requested, or
 * that changes during the run, is a warning: the served identity is evidence of what was evaluated.
 */
public final class ModelUsage {
    private static final String STEP = "model_call";
    private static final String EVIDENCE = "model_calls";

    private final Map<String, Model> models = new TreeMap<>();
    private long calls;
    private long attempts;
    private long inputTokens;
    private long outputTokens;
    private long unpriced;
    private long latencyMs;
    private BigDecimal cost = BigDecimal.ZERO;

    /** Adds the calls one trial made. */
    public void add(TrialRecord record) {
        if (record.output() != null) {
            for (TraceStep step : record.output().trace()) {
                if (step.kind().equals(STEP)) {
                    add(step.data());
                }
            }
        }
        if (record.reward() != null) {
            judgeCalls(record.reward().evidence());
        }
    }

    /** The cost of every priced call so far, in US dollars. */
    public BigDecimal cost() {
        return cost;
    }

    /** Whether some call had no known price, so the cost is a lower bound. */
    public boolean unpricedCalls() {
        return unpriced > 0;
    }

    /**
     * One trial's calls as its line in {@code trials.jsonl} shows them: {@code model_calls},
     * {@code attempts}, {@code input_tokens}, {@code output_tokens}, {@code cost_usd} (of the priced
     * calls; {@code null} when none was), {@code unpriced_calls} and {@code latency_ms} (summed);
     * {@code null} when the trial called no model.
     */
    public static Map<String, Object> ofTrial(TrialRecord record) {
        ModelUsage usage = new ModelUsage();
        usage.add(record);
        if (usage.calls == 0) {
            return null;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("model_calls", usage.calls);
        figures.put("attempts", usage.attempts);
        figures.put("input_tokens", usage.inputTokens);
        figures.put("output_tokens", usage.outputTokens);
        figures.put("cost_usd", usage.unpriced == usage.calls ? null : usage.cost);
        figures.put("unpriced_calls", usage.unpriced);
        figures.put("latency_ms", usage.latencyMs);
        return figures;
    }

    /** The figures, or {@code null} when no model was called. */
    public ModelUsageSummary summary() {
        if (calls == 0) {
            return null;
        }
        Map<String, ModelUsageSummary.Served> served = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        models.forEach((requested, model) -> {
            served.put(requested, new ModelUsageSummary.Served(model.calls, List.copyOf(model.served.keySet()),
                    List.copyOf(model.fingerprints)));
            warnings.addAll(model.warnings(requested));
        });
        return new ModelUsageSummary(calls, attempts, inputTokens, outputTokens, cost, unpriced, latencyMs / calls, served, warnings);
    }

    private void add(Map<String, Object> call) {
        calls++;
        attempts += number(call.get("attempts"), 1);
        inputTokens += number(call.get("input_tokens"), 0);
        outputTokens += number(call.get("output_tokens"), 0);
        latencyMs += number(call.get("latency_ms"), 0);
        if (call.get("cost_usd") instanceof Number price) {
            cost = cost.add(new BigDecimal(price.toString()));
        } else {
            unpriced++;
        }
        String requested = call.get("provider") + "/" + call.get("model");
        models.computeIfAbsent(requested, key -> new Model())
                .add(text(call.get("served_model")), text(call.get("fingerprint")));
    }

    /** Judges' calls, wherever a check nested them in its evidence (combinators keep their children's). */
    private void judgeCalls(Object evidence) {
        if (evidence instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (EVIDENCE.equals(key) && value instanceof List<?> list) {
                    list.stream().filter(Map.class::isInstance).forEach(call -> add(typed((Map<?, ?>) call)));
                } else {
                    judgeCalls(value);
                }
            });
        } else if (evidence instanceof List<?> list) {
            list.forEach(this::judgeCalls);
        }
    }

    private static Map<String, Object> typed(Map<?, ?> map) {
        Map<String, Object> typed = new LinkedHashMap<>();
        map.forEach((key, value) -> typed.put(String.valueOf(key), value));
        return typed;
    }

    private static long number(Object value, long fallback) {
        return value instanceof Number number ? number.longValue() : fallback;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** One requested model's served identities, with how many calls each. */
    private static final class Model {
        final Map<String, Long> served = new LinkedHashMap<>();
        final Set<String> fingerprints = new LinkedHashSet<>();
        long calls;

        void add(String servedModel, String fingerprint) {
            calls++;
            served.merge(servedModel == null ? "(not reported)" : servedModel, 1L, Long::sum);
            if (fingerprint != null) {
                fingerprints.add(fingerprint);
            }
        }

        List<String> warnings(String requested) {
            List<String> warnings = new ArrayList<>();
            String name = requested.substring(requested.indexOf('/') + 1);
            served.forEach((model, count) -> {
                // A dated snapshot of the requested alias (gpt-4o -> gpt-4o-2024-08-06) is the same model.
                if (!model.startsWith(name)) {
                    warnings.add(requested + " was served as " + model + " in " + count + " of " + Plural.of(calls, "call"));
                }
            });
            if (served.size() > 1) {
                warnings.add(requested + " changed during the run: served as " + served);
            }
            if (fingerprints.size() > 1) {
                warnings.add(requested + " reported " + fingerprints.size() + " system fingerprints during the run: "
                        + String.join(", ", fingerprints));
            }
            return warnings;
        }
    }
}
