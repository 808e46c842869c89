package io.assay.launcher;

import io.assay.core.results.MeanInterval;
import java.util.List;

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

    /**
     * The statistics of these per-task mean scores, computed as a summary computes its score; for
     * figures over a subset of a run's tasks, or over several runs' task means.
     *
     * <pre>{@code
     * ScoreStatistics.of(List.of(1.0, 0.0, 1.0)).mean(); // 0.666...
     * }</pre>
     */
    public static ScoreStatistics of(List<Double> perTaskMeans) {
        double sum = 0;
        double sumOfSquares = 0;
        for (double mean : perTaskMeans) {
            sum += mean;
            sumOfSquares += mean * mean;
        }
        return MeanInterval.of(perTaskMeans.size(), sum, sumOfSquares, 0.0, 1.0);
    }
}
