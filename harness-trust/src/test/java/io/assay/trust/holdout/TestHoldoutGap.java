package io.assay.trust.holdout;

import static io.assay.trust.holdout.SplitFixtures.ASSAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.assay.launcher.InputException;
import io.assay.rank.RunTasks;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public-minus-private gap on a split of 60 sums, half held out: an agent tuned to the public
 * part (right on every public task, on a third of the private ones) against an honest one (right on
 * the same share of tasks wherever they fall).
 */
class TestHoldoutGap {
    private static final int TASKS = 60;

    @TempDir
    static Path work;

    static HoldoutRuns split;
    static Set<String> shown;

    @BeforeAll
    static void split() throws Exception {
        HoldoutSplit.write(ASSAY, SplitFixtures.sums(work.resolve("suite"), TASKS), 0.5, 11, work.resolve("split"));
        split = HoldoutRuns.read(work.resolve("split"));
        shown = new HashSet<>(ASSAY.loadSuite(work.resolve("split/public"), null).tasks().stream()
                .map(Task::id).toList());
    }

    private static RunTasks run(String part, String name, Predicate<String> right) throws Exception {
        return RunTasks.read(SplitFixtures.scripted(work.resolve("split").resolve(part), TASKS, right,
                work.resolve(name + ".jsonl"), work.resolve(name + "-" + part)));
    }

    /** Right on every public task, and on the private tasks whose number is a multiple of 3. */
    private static boolean tuned(String id) {
        return shown.contains(id) || Integer.parseInt(id.substring(1)) % 3 == 0;
    }

    /** Right on the tasks whose number is odd, public or private. */
    private static boolean honest(String id) {
        return Integer.parseInt(id.substring(1)) % 2 == 1;
    }

    @Test
    void anAgentTunedToThePublicPartHasAPositiveGapWhoseIntervalExcludesZero() throws Exception {
        HoldoutGap gap = split.gap(run("public", "tuned", TestHoldoutGap::tuned),
                run("private", "tuned", TestHoldoutGap::tuned));

        assertThat(gap.publicPart().score().mean()).isEqualTo(1.0);
        assertThat(gap.publicPart().tasks()).isEqualTo(30);
        assertThat(gap.privatePart().tasks()).isEqualTo(30);
        assertThat(gap.gap()).isEqualTo(1.0 - gap.privatePart().score().mean());
        assertThat(gap.gap()).isGreaterThan(0.4);
        assertThat(gap.ci95()[0]).isGreaterThan(0);
        assertThat(gap.publicAdvantage()).isTrue();
        assertThat(gap.method()).isEqualTo("newcombe");
    }

    @Test
    void anHonestAgentsGapIsNearZeroWithAnIntervalHoldingZero() throws Exception {
        RunTasks publicRun = run("public", "honest", TestHoldoutGap::honest);
        RunTasks privateRun = run("private", "honest", TestHoldoutGap::honest);

        HoldoutGap gap = split.gap(publicRun, privateRun);

        assertThat(Math.abs(gap.gap())).isLessThan(0.2);
        assertThat(gap.ci95()[0]).isLessThan(0);
        assertThat(gap.ci95()[1]).isGreaterThan(0);
        assertThat(gap.publicAdvantage()).isFalse();
        assertThat(gap.method()).isEqualTo("welch");
        // The interval is Welch's: half its width is t(0.975, Welch's df) times the unpooled standard error.
        double[] a = publicRun.tasks().values().stream().mapToDouble(t -> t.meanScore()).toArray();
        double[] b = privateRun.tasks().values().stream().mapToDouble(t -> t.meanScore()).toArray();
        TTest.Result welch = TTest.withDefaults().test(a, b);
        assertThat(gap.degreesOfFreedom()).isCloseTo(welch.getDegreesOfFreedom(), within(1e-9));
        assertThat(gap.pValue()).isCloseTo(welch.getPValue(), within(1e-9));
        double halfWidth = TDistribution.of(welch.getDegreesOfFreedom())
                .inverseCumulativeProbability(0.975) * gap.stderr();
        assertThat(gap.ci95()[1] - gap.gap()).isCloseTo(halfWidth, within(1e-9));
    }

    @Test
    void partsWhoseScoresAreAllEqualGetNewcombesIntervalNotAZeroWidthOne() throws Exception {
        // 3 public tasks all passed, 2 private all failed: both standard errors are 0, and a t interval
        // would be [1, 1]. Wilson's interval for 3 of 3 is [3 / (3 + z²), 1], for 0 of 2 [0, z² / (2 + z²)].
        Path small = work.resolve("small-split");
        HoldoutSplit.write(ASSAY, SplitFixtures.sums(work.resolve("small"), 5), 0.4, 3, small);
        Set<String> smallPublic = new HashSet<>(ASSAY.loadSuite(small.resolve("public"), null).tasks().stream()
                .map(Task::id).toList());
        HoldoutRuns smallSplit = HoldoutRuns.read(small);
        RunTasks publicRun = RunTasks.read(SplitFixtures.scripted(small.resolve("public"), 5, smallPublic::contains,
                work.resolve("small.jsonl"), work.resolve("small-public")));
        RunTasks privateRun = RunTasks.read(SplitFixtures.scripted(small.resolve("private"), 5, smallPublic::contains,
                work.resolve("small.jsonl"), work.resolve("small-private")));

        HoldoutGap gap = smallSplit.gap(publicRun, privateRun);

        double z2 = Math.pow(1.959963984540054, 2);
        assertThat(gap.publicPart().tasks()).isEqualTo(3);
        assertThat(gap.privatePart().tasks()).isEqualTo(2);
        assertThat(gap.gap()).isEqualTo(1.0);
        assertThat(gap.method()).isEqualTo("newcombe");
        assertThat(gap.ci95()[0]).isCloseTo(1 - Math.hypot(1 - 3 / (3 + z2), z2 / (2 + z2)), within(1e-9));
        assertThat(gap.ci95()[1]).isEqualTo(1.0);
        assertThat(gap.ci95()[1] - gap.ci95()[0]).isGreaterThan(0.8);
        assertThat(gap.stderr()).isNull();
        assertThat(gap.pValue()).isNull();
        assertThat(HoldoutReport.text(smallSplit, gap)).contains(String.format(java.util.Locale.ROOT,
                "Gap public - private: +1.000 [95%% CI %+.3f, +1.000] (Newcombe's hybrid score interval: a part's scores"
                        + " are all equal)", gap.ci95()[0]));
    }

    @Test
    void anAgentRightEverywhereHasAZeroGapWithAnIntervalAroundIt() throws Exception {
        RunTasks publicOracle = RunTasks.read(SplitFixtures.run(work.resolve("split/public"), "oracle", Options.empty(),
                work.resolve("zero-public-oracle")));
        RunTasks privateOracle = RunTasks.read(SplitFixtures.run(work.resolve("split/private"), "oracle", Options.empty(),
                work.resolve("zero-private-oracle")));

        HoldoutGap gap = split.gap(publicOracle, privateOracle);

        double z2 = Math.pow(1.959963984540054, 2);
        assertThat(gap.gap()).isZero();
        assertThat(gap.ci95()[0]).isCloseTo(-(1 - 30 / (30 + z2)), within(1e-9));
        assertThat(gap.ci95()[1]).isCloseTo(1 - 30 / (30 + z2), within(1e-9));
        assertThat(gap.publicAdvantage()).isFalse();
    }

    @Test
    void runsNotOfTheSplitOrInTheWrongOrderOrOfTwoAgentsAreRefused() throws Exception {
        RunTasks original = RunTasks.read(SplitFixtures.run(work.resolve("suite"), "oracle", Options.empty(),
                work.resolve("original-oracle")));
        RunTasks publicOracle = RunTasks.read(SplitFixtures.run(work.resolve("split/public"), "oracle", Options.empty(),
                work.resolve("public-oracle")));
        RunTasks privateHonest = run("private", "other", TestHoldoutGap::honest);

        assertThatThrownBy(() -> split.gap(original, privateHonest)).isInstanceOf(InputException.class)
                .hasMessageContaining("neither part of the holdout split");
        assertThatThrownBy(() -> split.gap(privateHonest, publicOracle)).isInstanceOf(InputException.class)
                .hasMessageContaining("the first run must be the public one");
        assertThatThrownBy(() -> split.gap(publicOracle, privateHonest)).isInstanceOf(InputException.class)
                .hasMessageContaining("ran oracle but").hasMessageContaining("ran scripted");
    }

    @Test
    void theBoardPairsEachEntrysRunsAndOrdersThemByPrivateScore() throws Exception {
        RunTasks publicOracle = RunTasks.read(SplitFixtures.run(work.resolve("split/public"), "oracle", Options.empty(),
                work.resolve("board-public-oracle")));
        RunTasks privateOracle = RunTasks.read(SplitFixtures.run(work.resolve("split/private"), "oracle", Options.empty(),
                work.resolve("board-private-oracle")));
        RunTasks publicTuned = run("public", "board-tuned", TestHoldoutGap::tuned);
        RunTasks privateTuned = run("private", "board-tuned", TestHoldoutGap::tuned);

        HoldoutBoard board = HoldoutBoard.of(split, List.of(publicTuned, publicOracle, privateTuned, privateOracle));

        assertThat(board.rows()).extracting(HoldoutBoard.Row::entry).containsExactly("oracle", "scripted");
        assertThat(board.rows().get(0).gap().gap()).isZero();
        assertThat(board.rows().get(1).gap().gap()).isEqualTo(split.gap(publicTuned, privateTuned).gap());
        assertThatThrownBy(() -> HoldoutBoard.of(split, List.of(publicOracle, publicOracle)))
                .isInstanceOf(InputException.class).hasMessageContaining("both public runs of oracle");
    }
}
