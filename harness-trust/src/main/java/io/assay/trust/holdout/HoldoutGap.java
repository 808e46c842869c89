package io.assay.trust.holdout;

import io.assay.launcher.ScoreStatistics;
import io.assay.rank.RunTasks;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * How much better one agent scored on a split's public tasks than on its private ones: the
 * overfitting signal of a live leaderboard. The two parts hold different tasks, so the gap is an
 * unpaired difference of the per-task mean scores' means, with Welch's t interval (unequal
 * variances, Welch-Satterthwaite degrees of freedom from Commons Statistics' {@link TTest}).
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
 * @param stderr its standard error, {@code null} with fewer than two scored tasks in a part
 * @param degreesOfFreedom Welch-Satterthwaite's, {@code null} without a stderr or when both parts' scores are constant
 * @param ci95 the gap's 95% interval, clipped to [-1, 1]; {@code null} without a stderr
 * @param pValue Welch's two-sided t-test of no gap, {@code null} without degrees of freedom
 */
public record HoldoutGap(Part publicPart, Part privatePart, Double gap, Double stderr, Double degreesOfFreedom,
                         double[] ci95, Double pValue) {

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
            return new HoldoutGap(shown, held, null, null, null, null, null);
        }
        double gap = shown.score().mean() - held.score().mean();
        if (shown.score().stderr() == null || held.score().stderr() == null) {
            return new HoldoutGap(shown, held, gap, null, null, null, null);
        }
        double stderr = Math.hypot(shown.score().stderr(), held.score().stderr());
        if (stderr == 0) {
            return new HoldoutGap(shown, held, gap, 0.0, null, new double[] {gap, gap}, null);
        }
        TTest.Result welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC)
                .test(array(perTask(publicRun)), array(perTask(privateRun)));
        double t = TDistribution.of(welch.getDegreesOfFreedom()).inverseCumulativeProbability(0.975);
        double[] ci = {Math.max(-1.0, gap - t * stderr), Math.min(1.0, gap + t * stderr)};
        return new HoldoutGap(shown, held, gap, stderr, welch.getDegreesOfFreedom(), ci, welch.getPValue());
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
