package io.assay.trust.holdout;

import io.assay.launcher.ScoreStatistics;
import io.assay.rank.RunTasks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * How much better one agent scored on a split's public tasks than on its private ones: the
 * overfitting signal of a live leaderboard. The two parts hold different tasks, so the gap is an
 * unpaired difference of the per-task mean scores' means, with Welch's t interval (unequal
 * variances, Welch-Satterthwaite degrees of freedom from Commons Statistics' {@link TTest}).
 * A part whose scores are all equal has a standard error of 0, and a t interval would take its
 * score for exact: 3 public tasks all passed against 2 private all failed would give the interval
 * [1, 1]. Then, when every per-task score is 0 or 1, the interval is Newcombe's hybrid score
 * interval for a difference of proportions (from each part's Wilson interval, Commons Statistics'
 * {@link BinomialConfidenceInterval#WILSON_SCORE}); with other scores there is none, and
 * {@link #noInterval} says why.
 *
 * <pre>{@code
 * HoldoutGap gap = HoldoutGap.of(RunTasks.read(publicRun), RunTasks.read(privateRun));
 * gap.gap();  // 0.4: public mean minus private mean
 * gap.ci95(); // [0.1, 0.7]: above 0, the agent does better on the tasks it could have been tuned to
 * }</pre>
 *
 * @param publicPart the public run's score over its scored tasks
 * @param privatePart the private run's
 * @param gap public mean minus private mean, {@code null} when a part has no scored task
 * @param stderr its standard error, {@code null} unless the interval is Welch's
 * @param degreesOfFreedom Welch-Satterthwaite's, {@code null} unless the interval is Welch's
 * @param ci95 the gap's 95% interval, clipped to [-1, 1]; {@code null} when there is none
 * @param pValue Welch's two-sided t-test of no gap, {@code null} unless the interval is Welch's
 * @param method {@code welch} or {@code newcombe}, {@code null} without an interval
 * @param noInterval why there is no interval, {@code null} when there is one
 */
public record HoldoutGap(Part publicPart, Part privatePart, Double gap, Double stderr, Double degreesOfFreedom,
                         double[] ci95, Double pValue, String method, String noInterval) {

    private static final double ALPHA = 0.05;

    /**
     * One part's run.
     *
     * @param tasks how many of its tasks were scored
     */
    public record Part(RunTasks run, int tasks, ScoreStatistics score) {

        static Part of(RunTasks run) {
            List<Double> means = perTask(run);
            return new Part(run, means.size(), ScoreStatistics.of(means));
        }
    }

    /** The gap between the public run {@code publicRun} and the private run {@code privateRun}. */
    public static HoldoutGap of(RunTasks publicRun, RunTasks privateRun) {
        Part shown = Part.of(publicRun);
        Part held = Part.of(privateRun);
        if (shown.score().mean() == null || held.score().mean() == null) {
            return without(shown, held, null, "a part has no scored task");
        }
        double gap = shown.score().mean() - held.score().mean();
        if (shown.score().stderr() == null || held.score().stderr() == null) {
            return without(shown, held, gap, "too few tasks for an interval");
        }
        if (shown.score().stderr() == 0 || held.score().stderr() == 0) {
            List<Double> shownScores = perTask(publicRun);
            List<Double> heldScores = perTask(privateRun);
            if (passFail(shownScores) && passFail(heldScores)) {
                return new HoldoutGap(shown, held, gap, null, null, newcombe(shownScores, heldScores), null, "newcombe", null);
            }
            boolean publicConstant = shown.score().stderr() == 0;
            Part constant = publicConstant ? shown : held;
            return without(shown, held, gap, String.format(Locale.ROOT, "no interval: the %s part's %d scores are all"
                    + " %.3f, which a t interval would take for exact, and the scores are not all 0 or 1",
                    publicConstant ? "public" : "private", constant.tasks(), constant.score().mean()));
        }
        double stderr = Math.hypot(shown.score().stderr(), held.score().stderr());
        TTest.Result welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC)
                .test(array(perTask(publicRun)), array(perTask(privateRun)));
        double t = TDistribution.of(welch.getDegreesOfFreedom()).inverseCumulativeProbability(1 - ALPHA / 2);
        double[] ci = {Math.max(-1.0, gap - t * stderr), Math.min(1.0, gap + t * stderr)};
        return new HoldoutGap(shown, held, gap, stderr, welch.getDegreesOfFreedom(), ci, welch.getPValue(), "welch", null);
    }

    private static HoldoutGap without(Part shown, Part held, Double gap, String reason) {
        return new HoldoutGap(shown, held, gap, null, null, null, null, null, reason);
    }

    private static boolean passFail(List<Double> scores) {
        return scores.stream().allMatch(score -> score == 0.0 || score == 1.0);
    }

    /**
     * Newcombe's hybrid score interval (1998, method 10) for the difference of two proportions:
     * each side's distance to its Wilson bound, combined in quadrature.
     */
    private static double[] newcombe(List<Double> shown, List<Double> held) {
        int n1 = shown.size();
        int n2 = held.size();
        double p1 = passes(shown) / (double) n1;
        double p2 = passes(held) / (double) n2;
        Interval w1 = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n1, passes(shown), ALPHA);
        Interval w2 = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n2, passes(held), ALPHA);
        double difference = p1 - p2;
        return new double[] {
            Math.max(-1.0, difference - Math.hypot(p1 - w1.getLowerBound(), w2.getUpperBound() - p2)),
            Math.min(1.0, difference + Math.hypot(w1.getUpperBound() - p1, p2 - w2.getLowerBound()))};
    }

    private static int passes(List<Double> scores) {
        return (int) scores.stream().filter(score -> score == 1.0).count();
    }

    /** Whether the interval lies wholly above 0: the agent does better on the public tasks beyond chance. */
    public boolean publicAdvantage() {
        return ci95 != null && ci95[0] > 0;
    }

    private static List<Double> perTask(RunTasks run) {
        return run.tasks().values().stream().map(RunTasks.TaskResult::meanScore).filter(Objects::nonNull).toList();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
