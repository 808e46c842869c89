package io.assay.launcher;

import io.assay.core.results.MeanInterval;
import java.util.List;

/**
 * How much run B's per-task mean score differs from run A's on the tasks both scored: the mean of
 * the per-task differences {@code b - a}, with its standard error and Student's t 95% interval.
 * Pairing by task removes the variation between tasks that two independent intervals would carry
 * (Miller, "Adding Error Bars to Evals", 2024, section on paired differences).
 *
 * <pre>{@code
 * PairedDifference d = PairedDifference.of(List.of(new double[] {1.0, 0.0}, new double[] {0.5, 1.0}));
 * d.difference().mean(); // 0.25: the mean of (0 - 1) and (1 - 0.5)
 * }</pre>
 *
 * @param tasks how many tasks both runs scored
 * @param difference the mean difference, its standard error and interval (within [-1, 1])
 */
public record PairedDifference(int tasks, ScoreStatistics difference) {

    /** @param pairs per task, {@code {a, b}}: the two runs' mean scores */
    public static PairedDifference of(List<double[]> pairs) {
        double sum = 0;
        double sumOfSquares = 0;
        for (double[] pair : pairs) {
            double d = pair[1] - pair[0];
            sum += d;
            sumOfSquares += d * d;
        }
        return new PairedDifference(pairs.size(), MeanInterval.of(pairs.size(), sum, sumOfSquares, -1.0, 1.0));
    }
}
