package io.assay.core.results;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one task's trials add up to: graded samples, passes, scores and harness errors.
 * Errors are kept apart because they say nothing about the agent.
 *
 * <p>The scores are kept in ascending order and summed in it, so the mean is the same to the last
 * bit whatever order the trials arrive in: concurrent trials, or shards combined in any order.
 */
final class TaskTally {
    private static final double[] NONE = {};

    final List<Map.Entry<String, String>> segments;
    int graded;
    int passed;
    int errors;
    private double[] scores = NONE;

    TaskTally(List<Map.Entry<String, String>> segments) {
        this.segments = segments;
    }

    void graded(double score, boolean pass) {
        if (graded == scores.length) {
            scores = Arrays.copyOf(scores, Math.max(1, graded * 2));
        }
        // A task has a handful of epochs: insertion keeps the order at no real cost.
        int at = graded;
        while (at > 0 && Double.compare(scores[at - 1], score) > 0) {
            scores[at] = scores[at - 1];
            at--;
        }
        scores[at] = score;
        graded++;
        if (pass) {
            passed++;
        }
    }

    double meanScore() {
        double sum = 0;
        for (int i = 0; i < graded; i++) {
            sum += scores[i];
        }
        return sum / graded;
    }
}
