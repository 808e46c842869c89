package io.assay.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Harbor verifier wrote: one number in {@code reward.txt}, or named numbers in
 * {@code reward.json} whose score is {@code reward} when present, else their mean.
 *
 * @param values every number written, by name ({@code reward} for {@code reward.txt})
 * @param score the task's score, in [0, 1]
 */
record VerifierReward(Map<String, Double> values, double score) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code reward.txt}; throws {@link IllegalArgumentException} saying what is wrong. */
    static VerifierReward fromText(String text) {
        double value = number(text.trim());
        return checked(Map.of("reward", value), value);
    }

    /** Parses {@code reward.json}; throws {@link IllegalArgumentException} saying what is wrong. */
    static VerifierReward fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException("expected a JSON object of named numbers, such as {\"reward\": 1}");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getValue().isNumber()) {
                throw new IllegalArgumentException("\"" + field.getKey() + "\": expected a number, got " + field.getValue());
            }
            values.put(field.getKey(), field.getValue().asDouble());
        }
        double score = values.containsKey("reward")
                ? values.get("reward")
                : values.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return checked(values, score);
    }

    private static VerifierReward checked(Map<String, Double> values, double score) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("the reward must be in [0, 1], got " + score);
        }
        return new VerifierReward(Collections.unmodifiableMap(new LinkedHashMap<>(values)), score);
    }

    private static double number(String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the text.
        }
        throw new IllegalArgumentException("expected one number, got \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"");
    }
}
