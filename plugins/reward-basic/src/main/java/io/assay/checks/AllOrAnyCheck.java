package io.assay.checks;

import io.assay.spi.RewardResult;
import java.util.List;
import java.util.Map;

/**
 * {@code all}: passes when every child passes, scoring the lowest child score.
 * {@code any}: passes when some child passes, scoring the highest.
 *
 * @param requireAll true for {@code all}, false for {@code any}
 */
record AllOrAnyCheck(boolean requireAll, ChildChecks children) implements Combinator {

    @Override
    public RewardResult combine(List<RewardResult> results) {
        long passedCount = results.stream().filter(RewardResult::passed).count();
        double score = requireAll
                ? results.stream().mapToDouble(RewardResult::score).min().orElseThrow()
                : results.stream().mapToDouble(RewardResult::score).max().orElseThrow();
        boolean passed = requireAll ? passedCount == results.size() : passedCount > 0;
        String explanation;
        if (requireAll && passed) {
            explanation = "all " + results.size() + " checks passed: " + String.join(", ", children.labels());
        } else {
            // Name the child that decided: the first failure for all, the first pass (else the first child) for any.
            int deciding = firstWith(results, !requireAll);
            explanation = passedCount + " of " + results.size() + " checks passed (" + (requireAll ? "all" : "one")
                    + " required); " + (results.get(deciding).passed() ? "passed " : "failed ")
                    + children.summary(deciding, results.get(deciding));
        }
        return new RewardResult(score, passed, explanation, Map.of("checks", children.evidence(results)));
    }

    private static int firstWith(List<RewardResult> results, boolean passed) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).passed() == passed) {
                return i;
            }
        }
        return 0;
    }
}
