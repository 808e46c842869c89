package io.assay.rank.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.assay.rank.RunTasks.TaskResult;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The figures of a paired comparison, against values worked by hand (and, for the t quantiles and
 * the t-distribution's tail, Commons Math 3: another library than the Commons Statistics the code uses).
 */
class TestPairedFigures {

    private static TaskResult result(String task, int scored, double scoreSum, int passed) {
        return new TaskResult(task, Map.of(), scored, scored, scoreSum, passed);
    }

    private static PairedTask pair(String task, TaskResult a, TaskResult b) {
        return new PairedTask(task, a, b);
    }

    /** Differences b - a of -1, +1, +1 and +0.5; t4 passes in no epoch majority in A (1 of 2). */
    private static final List<PairedTask> FOUR = List.of(
            pair("t1", result("t1", 1, 1, 1), result("t1", 1, 0, 0)),
            pair("t2", result("t2", 1, 0, 0), result("t2", 1, 1, 1)),
            pair("t3", result("t3", 1, 0, 0), result("t3", 1, 1, 1)),
            pair("t4", result("t4", 2, 1, 1), result("t4", 2, 2, 2)));

    @Test
    void theDifferenceIsTheMeanOfPerTaskDifferencesWithAStudentTIntervalClippedToMinusOneOne() {
        PairedFigures figures = PairedFigures.of(FOUR);

        // mean 1.5 / 4; squared deviations 1.890625 + 0.390625 + 0.390625 + 0.015625 = 2.6875 over 3 degrees of freedom
        double stderr = Math.sqrt(2.6875 / 3 / 4);
        assertThat(figures.tasks()).isEqualTo(4);
        assertThat(figures.difference().mean()).isCloseTo(0.375, within(1e-12));
        assertThat(figures.difference().stderr()).isCloseTo(stderr, within(1e-12));
        // 0.375 +- 3.182446 * 0.473242 = [-1.131, 1.881], clipped
        assertThat(figures.difference().ci95()).containsExactly(-1.0, 1.0);
    }

    @Test
    void thePValueIsATwoSidedPairedTTest() {
        double stderr = Math.sqrt(2.6875 / 3 / 4);
        double t = 0.375 / stderr;
        double expected = 2 * (1 - new TDistribution(3).cumulativeProbability(t));

        assertThat(PairedFigures.of(FOUR).pValue()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aTaskPassesWhenMoreThanHalfOfItsScoredEpochsPassed() {
        assertThat(pair("x", result("x", 2, 1, 1), result("x", 3, 2, 2)).passedInA()).as("1 of 2 is a tie, not a pass").isFalse();
        assertThat(pair("x", result("x", 2, 1, 1), result("x", 3, 2, 2)).passedInB()).as("2 of 3").isTrue();
    }

    @Test
    void flipsAreTheDiscordantTasksAndMcNemarIsTheExactTwoSidedBinomialOnThem() {
        PairedFigures figures = PairedFigures.of(FOUR);

        assertThat(figures.aOnly()).containsExactly("t1");
        assertThat(figures.bOnly()).containsExactly("t2", "t3", "t4");
        // 4 discordant, 3 favour b: P(X >= 3) + P(X <= 1) = (4 + 1)/16 + (1 + 4)/16
        assertThat(figures.mcnemarPValue()).isCloseTo(10.0 / 16, within(1e-12));
    }

    @Test
    void mcNemarMatchesHandComputedBinomialTails() {
        // 6 of 6 one way: 2 * (1/2)^6; 9 of 10: 2 * (1 + 10) / 2^10
        assertThat(PairedFigures.mcnemarPValue(0, 6)).isCloseTo(2.0 / 64, within(1e-12));
        assertThat(PairedFigures.mcnemarPValue(1, 9)).isCloseTo(22.0 / 1024, within(1e-12));
        assertThat(PairedFigures.mcnemarPValue(0, 0)).as("no flip, no evidence").isEqualTo(1.0);
    }

    @Test
    void theMinimumDetectableDifferenceIsTheSumOfTQuantilesTimesTheStandardError() {
        double sd = Math.sqrt(2.6875 / 3);
        TDistribution t = new TDistribution(3);
        double expected = (t.inverseCumulativeProbability(0.975) + t.inverseCumulativeProbability(0.8)) * sd / Math.sqrt(4);

        assertThat(PairedFigures.of(FOUR).minimumDetectable()).isCloseTo(expected, within(1e-9));
        assertThat(expected).as("t(0.975, 3) = 3.1824, t(0.8, 3) = 0.9785").isCloseTo((3.1824 + 0.9785) * 0.47324, within(1e-3));
    }

    @Test
    void withoutVariationOrWithOneTaskTheTestsSayNothingRatherThanZero() {
        PairedFigures same = PairedFigures.of(List.of(
                pair("t1", result("t1", 1, 1, 1), result("t1", 1, 0, 0)),
                pair("t2", result("t2", 1, 1, 1), result("t2", 1, 0, 0))));
        PairedFigures one = PairedFigures.of(FOUR.subList(0, 1));

        assertThat(same.difference().mean()).isEqualTo(-1.0);
        assertThat(same.pValue()).as("every task differs by the same amount: the t-test is undefined").isNull();
        assertThat(one.pValue()).isNull();
        assertThat(one.difference().ci95()).isNull();
        assertThat(one.minimumDetectable()).isNull();
        assertThat(same.minimumDetectable()).as("no variation to estimate it from").isNull();
    }
}
