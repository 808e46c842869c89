package io.assay.core.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.launcher.ModelUsageSummary;
import io.assay.kit.Plural;
import io.assay.spi.ModelCall;
import io.assay.spi.TrialRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds the model calls of a run's trials: tokens, cost, latency and the identity each endpoint
 * reported. Calls are the {@code model_call} steps of an agent's trace and the {@code model_calls}
 * an LLM judge leaves in its reward's evidence ({@link ModelCall}). A served model that is not the
 * one requested, or that changes during the run, is a warning: the served identity is evidence of
 * what was evaluated.
 */
public final class ModelUsage {

    private final Map<String, Model> models = new TreeMap<>();
    private long calls;
    private long attempts;
    private long inputTokens;
    private long outputTokens;
    private long unpriced;
    private long latencyMs;
    private BigDecimal cost = BigDecimal.ZERO;

    /** Adds the calls another fold counted: a shard's, to the run's. */
    void addAll(ModelUsage other) {
        calls += other.calls;
        attempts += other.attempts;
        inputTokens += other.inputTokens;
        outputTokens += other.outputTokens;
        unpriced += other.unpriced;
        latencyMs += other.latencyMs;
        cost = cost.add(other.cost);
        other.models.forEach((requested, model) -> models.computeIfAbsent(requested, key -> new Model()).addAll(model));
    }

    /** Writes the figures folded so far as one JSON object, which {@link #read} reads back. */
    void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("calls", calls);
        json.writeNumberField("attempts", attempts);
        json.writeNumberField("input_tokens", inputTokens);
        json.writeNumberField("output_tokens", outputTokens);
        json.writeNumberField("unpriced", unpriced);
        json.writeNumberField("latency_ms", latencyMs);
        json.writeStringField("cost", cost.toPlainString());
        json.writeObjectFieldStart("models");
        for (Map.Entry<String, Model> entry : models.entrySet()) {
            Model model = entry.getValue();
            json.writeObjectFieldStart(entry.getKey());
            json.writeNumberField("calls", model.calls);
            json.writeObjectFieldStart("served");
            for (Map.Entry<String, Long> served : model.served.entrySet()) {
                json.writeNumberField(served.getKey(), served.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("fingerprints");
            for (String fingerprint : model.fingerprints) {
                json.writeString(fingerprint);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * The figures {@link #write} wrote.
     *
     * @throws IllegalArgumentException when a field is missing or not of its type
     */
    static ModelUsage read(JsonNode figures) {
        ModelUsage usage = new ModelUsage();
        usage.calls = count(figures, "calls");
        usage.attempts = count(figures, "attempts");
        usage.inputTokens = count(figures, "input_tokens");
        usage.outputTokens = count(figures, "output_tokens");
        usage.unpriced = count(figures, "unpriced");
        usage.latencyMs = count(figures, "latency_ms");
        usage.cost = new BigDecimal(figures.path("cost").asText("?"));
        for (Map.Entry<String, JsonNode> entry : figures.path("models").properties()) {
            Model model = new Model();
            model.calls = count(entry.getValue(), "calls");
            entry.getValue().path("served").properties().forEach(served -> model.served.put(served.getKey(), count(served.getValue())));
            entry.getValue().path("fingerprints").forEach(fingerprint -> {
                if (!fingerprint.isTextual()) {
                    throw new IllegalArgumentException("expected a fingerprint's text, got " + fingerprint);
                }
                model.fingerprints.add(fingerprint.textValue());
            });
            usage.models.put(entry.getKey(), model);
        }
        return usage;
    }

    private static long count(JsonNode object, String field) {
        return count(object.path(field));
    }

    private static long count(JsonNode value) {
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("expected a whole number, got " + value);
        }
        return value.asLong();
    }

    /**
     * The model calls one trial made: its agent's, then its check's. Read once per trial, then
     * passed to {@link #ofTrial} for its line and to {@link #add} for the run's figures.
     */
    public static List<ModelCall> callsOf(TrialRecord record) {
        List<ModelCall> calls = new ArrayList<>();
        if (record.output() != null) {
            record.output().trace().forEach(step -> ModelCall.from(step).ifPresent(calls::add));
        }
        if (record.reward() != null) {
            calls.addAll(ModelCall.inEvidence(record.reward().evidence()));
        }
        return calls;
    }

    /** Adds the calls one trial made, as {@link #callsOf} reads them. */
    public void add(List<ModelCall> trialCalls) {
        trialCalls.forEach(this::add);
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
     * One trial's calls ({@link #callsOf}) as its line in {@code trials.jsonl} shows them:
     * {@code model_calls}, {@code attempts}, {@code input_tokens}, {@code output_tokens},
     * {@code cost_usd} (of the priced calls; {@code null} when none was), {@code unpriced_calls} and
     * {@code latency_ms} (summed); {@code null} when the trial called no model.
     */
    public static Map<String, Object> ofTrial(List<ModelCall> trialCalls) {
        if (trialCalls.isEmpty()) {
            return null;
        }
        ModelUsage usage = new ModelUsage();
        usage.add(trialCalls);
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

    private void add(ModelCall call) {
        calls++;
        attempts += call.attempts();
        inputTokens += call.inputTokens();
        outputTokens += call.outputTokens();
        latencyMs += call.latencyMs();
        if (call.costUsd() != null) {
            cost = cost.add(call.costUsd());
        } else {
            unpriced++;
        }
        models.computeIfAbsent(call.provider() + "/" + call.model(), key -> new Model())
                .add(call.servedModel(), call.fingerprint());
    }

    /** One requested model's served identities, with how many calls each. */
    private static final class Model {
        // Sorted, not in the order first seen: the order trials are added in must not show.
        final Map<String, Long> served = new TreeMap<>();
        final Set<String> fingerprints = new TreeSet<>();
        long calls;

        void addAll(Model other) {
            calls += other.calls;
            other.served.forEach((model, count) -> served.merge(model, count, Long::sum));
            fingerprints.addAll(other.fingerprints);
        }

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
