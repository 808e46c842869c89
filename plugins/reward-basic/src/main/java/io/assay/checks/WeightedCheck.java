package io.assay.checks;

import io.assay.spi.RewardResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the weighted mean of its children's scores and passes when that reaches the threshold.
 * The children's own pass/fail verdicts do not count, only their scores.
 *
 * @param children the nested checks
 * @param weights one positive weight per child
 * @param threshold the score needed to pass, in (0, 1]
 */
record WeightedCheck(ChildChecks children, List<Double> weights, double threshold) implements Combinator {

    // Float sums can land a hair under an exact threshold (0.1 + 0.2 weights); this absorbs that.
    private static final double ROUNDING = 1e-9;

    WeightedCheck {
        weights = List.copyOf(weights);
    }

    @Override
    public RewardResult combine(List<RewardResult> results) {
        double weighted = 0;
        double total = 0;
        List<String> shortfalls = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            weighted += weights.get(i) * results.get(i).score();
            total += weights.get(i);
            if (results.get(i).score() < 1.0) {
                shortfalls.add(children.labels().get(i) + " scored " + round(results.get(i).score()));
            }
        }
        double score = Math.min(1.0, Math.max(0.0, weighted / total));
        boolean passed = score >= threshold - ROUNDING;
        String explanation = "weighted score " + round(score) + (passed ? " reaches" : " is below")
                + " threshold " + round(threshold) + " over " + results.size() + " checks"
                + (shortfalls.isEmpty() ? ", all scored 1" : "; " + String.join(", ", shortfalls));

        List<Map<String, Object>> evidence = children.evidence(results);
        for (int i = 0; i < evidence.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>(evidence.get(i));
            entry.put("weight", weights.get(i));
            evidence.set(i, entry);
        }
        return new RewardResult(score, passed, explanation, Map.of("threshold", threshold, "checks", evidence));
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 1000) / 1000.0);
    }
}
