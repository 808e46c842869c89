package io.assay.core.results;

import java.util.List;
import java.util.Map;

/**
 * What one task's trials add up to: graded samples, passes, the sum of their scores and harness
 * errors. Errors are kept apart because they say nothing about the agent. The sum is exact
 * ({@link ExactSum}), so the mean does not depend on the order the trials arrive in.
 */
final class TaskTally {
    final List<Map.Entry<String, String>> segments;
    int graded;
    int passed;
    int errors;
    private final ExactSum scores = new ExactSum();
    /** The mean as last read, or NaN: a summary reads it once for the run and once per segment. */
    private double mean = Double.NaN;

    TaskTally(List<Map.Entry<String, String>> segments) {
        this.segments = segments;
    }

    void graded(double score, boolean pass) {
        scores.add(score);
        mean = Double.NaN;
        graded++;
        if (pass) {
            passed++;
        }
    }

    /** Adds another part of the same task's trials: a shard's, as its tally file gives them. */
    void merge(int graded, int passed, int errors, double[] scoreTerms) {
        for (double term : scoreTerms) {
            scores.add(term);
        }
        mean = Double.NaN;
        this.graded += graded;
        this.passed += passed;
        this.errors += errors;
    }

    /** Terms whose exact sum is the sum of the graded scores ({@link ExactSum#terms}). */
    double[] scoreTerms() {
        return scores.terms();
    }

    double meanScore() {
        if (Double.isNaN(mean)) {
            mean = scores.value() / graded;
        }
        return mean;
    }
}
