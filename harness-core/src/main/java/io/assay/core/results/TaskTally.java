package io.assay.core.results;

import java.util.List;
import java.util.Map;

/**
 * What one task's trials add up to: graded samples, passes, score sum and harness errors.
 * Errors are kept apart because they say nothing about the agent.
 */
final class TaskTally {
    final List<Map.Entry<String, String>> segments;
    int graded;
    int passed;
    double scoreSum;
    int errors;

    TaskTally(List<Map.Entry<String, String>> segments) {
        this.segments = segments;
    }

    double meanScore() {
        return scoreSum / graded;
    }
}
