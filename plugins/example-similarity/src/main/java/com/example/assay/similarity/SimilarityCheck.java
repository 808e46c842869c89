package com.example.assay.similarity;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores the similarity of the answer to the expected text, 1 minus the edit distance over the
 * longer length, after trimming and lower-casing both; passes at or above a threshold.
 */
final class SimilarityCheck implements RewardCheck {
    private final double threshold;

    SimilarityCheck(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
        String expected = normalize(expectedText(task));
        String actual = normalize(output.answer());
        double similarity = similarity(expected, actual);
        boolean passed = similarity >= threshold;
        String explanation = String.format(Locale.ROOT, "similarity %.3f %s threshold %.3f",
                similarity, passed ? ">=" : "<", threshold);
        return new RewardResult(similarity, passed, explanation,
                Map.of("similarity", similarity, "threshold", threshold, "expected", expected));
    }

    /** 1 for equal texts, 0 for texts that share nothing; two empty texts are equal. */
    private static double similarity(String a, String b) {
        int[] left = a.codePoints().toArray();
        int[] right = b.codePoints().toArray();
        int longer = Math.max(left.length, right.length);
        return longer == 0 ? 1.0 : 1.0 - (double) distance(left, right) / longer;
    }

    /** Levenshtein distance over code points, keeping two rows of the table. */
    private static int distance(int[] left, int[] right) {
        int[] previous = new int[right.length + 1];
        int[] current = new int[right.length + 1];
        for (int j = 0; j <= right.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length; i++) {
            current[0] = i;
            for (int j = 1; j <= right.length; j++) {
                int substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length];
    }

    /** Numbers and booleans compare as their text; structured answers are a suite error, not the agent's. */
    private static String expectedText(Task task) {
        Object answer = task.answer();
        if (answer instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (answer instanceof String || answer instanceof Number || answer instanceof Boolean) {
            return answer.toString();
        }
        throw new IllegalArgumentException("similarity compares text, but task '" + task.id()
                + "' has " + (answer == null ? "no answer" : "a structured answer") + "; use another reward check");
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
