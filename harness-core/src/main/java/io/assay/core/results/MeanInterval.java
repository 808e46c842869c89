package io.assay.core.results;

import io.assay.launcher.ScoreStatistics;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of per-task values with its standard error and Student's t 95% interval
 * ({@code count - 1} degrees of freedom), clipped to the values' range: per-task scores in a
 * summary, per-task differences when two runs are compared.
 */
public final class MeanInterval {

    private MeanInterval() {
    }

    /**
     * @param count how many tasks
     * @param sum the sum of their values
     * @param sumOfSquares the sum of their squares
     * @param low the smallest value possible, where the interval is clipped
     * @param high the largest
     * @return no figure for no task; no stderr nor interval for one
     */
    public static ScoreStatistics of(int count, double sum, double sumOfSquares, double low, double high) {
        if (count == 0) {
            return new ScoreStatistics(null, null, null);
        }
        double mean = sum / count;
        if (count < 2) {
            return new ScoreStatistics(mean, null, null);
        }
        double variance = Math.max(0.0, (sumOfSquares - count * mean * mean) / (count - 1));
        double stderr = Math.sqrt(variance / count);
        double t = TDistribution.of(count - 1).inverseCumulativeProbability(0.975);
        double[] ci = {Math.max(low, mean - t * stderr), Math.min(high, mean + t * stderr)};
        return new ScoreStatistics(mean, stderr, ci);
    }
}
