package io.assay.rank.compare;

import io.assay.launcher.PairedDifference;
import io.assay.launcher.ScoreStatistics;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.TTest;

/**
 * What a set of paired tasks says about run B against run A: the mean per-task difference
 * {@code b - a} with its 95% interval, a paired t-test's p-value, the tasks that flipped from pass to
 * fail either way with McNemar's exact p-value, and the smallest difference these tasks could detect.
 *
 * @param tasks how many tasks were paired
 * @param difference mean of the per-task differences, its standard error and Student's t 95% interval
 * @param pValue two-sided paired t-test of "no mean difference"; {@code null} with fewer than two
 *     tasks or when every task differs by the same amount (the test's variance is zero)
 * @param aOnly tasks that passed in A but not in B, in comparison order
 * @param bOnly tasks that passed in B but not in A
 * @param mcnemarPValue McNemar's exact test: two-sided binomial test that a discordant task is equally
 *     likely to favour either run; 1 when no task flipped
 * @param minimumDetectable the smallest true mean difference these tasks detect with 80% power at a
 *     two-sided 0.05 level, from the observed standard deviation of the differences; {@code null}
 *     with fewer than two tasks or no variation among them (nothing to estimate it from)
 */
public record PairedFigures(int tasks, ScoreStatistics difference, Double pValue, List<String> aOnly, List<String> bOnly,
        double mcnemarPValue, Double minimumDetectable) {

    static final double ALPHA = 0.05;
    static final double POWER = 0.80;

    /** @param pairs tasks scored in both runs */
    public static PairedFigures of(List<PairedTask> pairs) {
        double[] a = pairs.stream().mapToDouble(pair -> pair.a().meanScore()).toArray();
        double[] b = pairs.stream().mapToDouble(pair -> pair.b().meanScore()).toArray();
        PairedDifference paired = PairedDifference.of(pairs.stream().map(pair -> new double[] {pair.a().meanScore(),
                pair.b().meanScore()}).toList());
        List<String> aOnly = pairs.stream().filter(pair -> pair.passedInA() && !pair.passedInB()).map(PairedTask::task).toList();
        List<String> bOnly = pairs.stream().filter(pair -> pair.passedInB() && !pair.passedInA()).map(PairedTask::task).toList();
        return new PairedFigures(pairs.size(), paired.difference(), tTestPValue(a, b, paired.difference()), aOnly, bOnly,
                mcnemarPValue(aOnly.size(), bOnly.size()), minimumDetectable(pairs.size(), paired.difference()));
    }

    private static Double tTestPValue(double[] a, double[] b, ScoreStatistics difference) {
        if (difference.stderr() == null || difference.stderr() == 0.0) {
            return null;
        }
        return TTest.withDefaults().pairedTest(b, a).getPValue();
    }

    /**
     * McNemar's exact test only looks at discordant tasks: under no difference each is a fair coin.
     * Also the exact sign test, with the tasks where A scored higher and those where B did.
     *
     * <pre>{@code
     * PairedFigures.mcnemarPValue(0, 5); // 0.0625: five tasks all favouring B
     * }</pre>
     *
     * @return the two-sided binomial p-value of {@code bOnly} of {@code aOnly + bOnly} at one half; 1 when both are 0
     */
    public static double mcnemarPValue(int aOnly, int bOnly) {
        int discordant = aOnly + bOnly;
        return discordant == 0 ? 1.0 : BinomialTest.withDefaults().test(discordant, bOnly, 0.5).getPValue();
    }

    /**
     * For a paired t-test with {@code n} tasks: {@code (t(1 - alpha/2, n-1) + t(power, n-1)) * sd / sqrt(n)},
     * where {@code sd = stderr * sqrt(n)} is the standard deviation of the per-task differences. Using
     * t rather than normal quantiles keeps the figure honest for the small suites benchmarks often have.
     */
    static Double minimumDetectable(int tasks, ScoreStatistics difference) {
        if (difference.stderr() == null || difference.stderr() == 0.0) {
            return null;
        }
        TDistribution t = TDistribution.of(tasks - 1);
        return (t.inverseCumulativeProbability(1 - ALPHA / 2) + t.inverseCumulativeProbability(POWER)) * difference.stderr();
    }
}
