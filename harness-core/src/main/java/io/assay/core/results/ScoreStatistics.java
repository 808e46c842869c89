package io.assay.core.results;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Mean, standard error and 95% confidence interval of per-task mean scores.
 *
 * <p>Epochs of one task are not independent samples, so the unit of analysis is the task: each
 * task contributes its mean over epochs (the clustered standard error that Miller, "Adding Error
 * Bars to Evals", 2024, recommends). The interval uses Student's t with {@code tasks - 1} degrees
 * of freedom, which matters for the small suites benchmarks often have, and is clipped to [0, 1].
 *
 * <p>With no scored trial there is no score: every figure is {@code null}, never a 0 that would
 * read as an agent failing every task.
 *
 * @param mean mean of per-task means, {@code null} when no task has a scored trial
 * @param stderr standard error of that mean, {@code null} with fewer than two scored tasks
 * @param ci95 {@code [low, high]}, {@code null} with fewer than two scored tasks
 */
public record ScoreStatistics(Double mean, Double stderr, double[] ci95) {

    /** Computes the statistics from running sums over per-task means. */
    static ScoreStatistics of(int tasks, double sum, double sumOfSquares) {
        if (tasks == 0) {
            return new ScoreStatistics(null, null, null);
        }
        double mean = sum / tasks;
        if (tasks < 2) {
            return new ScoreStatistics(mean, null, null);
        }
        double variance = Math.max(0.0, (sumOfSquares - tasks * mean * mean) / (tasks - 1));
        double stderr = Math.sqrt(variance / tasks);
        double t = TDistribution.of(tasks - 1).inverseCumulativeProbability(0.975);
        double[] ci = {Math.max(0.0, mean - t * stderr), Math.min(1.0, mean + t * stderr)};
        return new ScoreStatistics(mean, stderr, ci);
    }
}
