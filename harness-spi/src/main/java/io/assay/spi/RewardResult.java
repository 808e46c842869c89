package io.assay.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verdict of a reward check.
 *
 * <pre>{@code
 * return new RewardResult(0.5, false, "2 of 4 fields match", Map.of("mismatched", List.of("city", "zip")));
 * }</pre>
 *
 * @param score in [0, 1]
 * @param passed whether the task counts as solved (for pass rates and pass@k)
 * @param explanation one sentence for people: why this score
 * @param evidence JSON-shaped details: what was compared with what, kept in a fixed order (a
 *                 {@code Map.of}'s in the order of its keys)
 */
public record RewardResult(double score, boolean passed, String explanation, Map<String, Object> evidence) {

    public RewardResult {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        explanation = explanation == null ? "" : explanation;
        evidence = evidence == null ? Map.of() : Evidence.inStableOrder(evidence);
    }

    /** Full reward. */
    public static RewardResult pass(String explanation) {
        return new RewardResult(1.0, true, explanation, Map.of());
    }

    /** No reward. */
    public static RewardResult fail(String explanation) {
        return new RewardResult(0.0, false, explanation, Map.of());
    }

    /** The same verdict with evidence attached. */
    public RewardResult withEvidence(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(evidence);
        merged.putAll(more);
        return new RewardResult(score, passed, explanation, merged);
    }
}
