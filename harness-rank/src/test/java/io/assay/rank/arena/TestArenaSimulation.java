package io.assay.rank.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Battles simulated from known strengths: the intervals cover the truth, and style control removes a length bias. */
class TestArenaSimulation {
    private static final double[] STRENGTH = {0.0, 0.4, -0.3, 0.9, 0.2};

    @Test
    void trueRatingsFallInsideTheNinetyFivePercentIntervalsAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(2026);
        int covered = 0;
        int intervals = 0;
        for (int repetition = 0; repetition < 200; repetition++) {
            List<Battle> battles = simulate(random, 600, 0);
            ArenaBoard board = ArenaBoard.rate(battles, new ArenaOptions("m0", 200, repetition, false, 0), ArenaBoard.Segment.ALL);
            for (ArenaBoard.Row row : board.models()) {
                if (!row.model().equals("m0")) {
                    double truth = ArenaBoard.points(STRENGTH[Integer.parseInt(row.model().substring(1))]);
                    covered += row.low() <= truth && truth <= row.high() ? 1 : 0;
                    intervals++;
                }
            }
        }
        double coverage = (double) covered / intervals;
        // 800 intervals: a binomial(800, 0.95) share lies in [0.93, 0.97] with 99% probability; the percentile
        // bootstrap runs slightly narrow at this size, hence the wider lower band.
        assertThat(coverage).isBetween(0.91, 0.98);
    }

    @Test
    void styleControlRemovesASimulatedLengthAdvantage() {
        List<Battle> battles = simulate(new SplittableRandom(7), 20_000, 1.5);
        ArenaBoard plain = ArenaBoard.rate(battles, new ArenaOptions("m0", 0, 0, false, 0), ArenaBoard.Segment.ALL);
        ArenaBoard styled = ArenaBoard.rate(battles, new ArenaOptions("m0", 100, 0, true, 0), ArenaBoard.Segment.ALL);
        // m4 writes three times as much as the others; raters reward length.
        double truth = ArenaBoard.points(STRENGTH[4]);
        assertThat(TestBradleyTerry.rating(plain, "m4") - truth).isGreaterThan(60);
        ArenaBoard.Row m4 = styled.models().stream().filter(row -> row.model().equals("m4")).findFirst().orElseThrow();
        assertThat(m4.rating()).isCloseTo(truth, org.assertj.core.api.Assertions.within(20.0));
        assertThat(m4.low()).isLessThanOrEqualTo(truth);
        assertThat(m4.high()).isGreaterThanOrEqualTo(truth);
        ArenaBoard.Style tokens = styled.style().stream().filter(s -> s.name().equals("tokens")).findFirst().orElseThrow();
        assertThat(tokens.coefficient()).isCloseTo(1.5, org.assertj.core.api.Assertions.within(0.15));
        assertThat(tokens.low()).isGreaterThan(1.0);
    }

    /** Battles between random pairs; {@code lengthEffect} log-odds per unit of normalised token difference. */
    static List<Battle> simulate(SplittableRandom random, int count, double lengthEffect) {
        List<Battle> battles = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int a = random.nextInt(STRENGTH.length);
            int b = random.nextInt(STRENGTH.length - 1);
            b = b >= a ? b + 1 : b;
            double tokensA = (a == 4 ? 3 : 1) * (100 + random.nextInt(400));
            double tokensB = (b == 4 ? 3 : 1) * (100 + random.nextInt(400));
            double markdownA = random.nextInt(10);
            double markdownB = random.nextInt(10);
            double eta = STRENGTH[a] - STRENGTH[b] + lengthEffect * BattleSet.normalisedDifference(tokensA, tokensB);
            double p = 1 / (1 + Math.exp(-eta));
            Battle.Winner winner = random.nextDouble() < p ? Battle.Winner.A : Battle.Winner.B;
            battles.add(new Battle("b" + k, "m" + a, "m" + b, winner, Map.of(),
                    Map.of("tokens_a", tokensA, "tokens_b", tokensB, "markdown_a", markdownA, "markdown_b", markdownB)));
        }
        return battles;
    }
}
