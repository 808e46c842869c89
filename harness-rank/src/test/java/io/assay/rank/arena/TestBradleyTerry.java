package io.assay.rank.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.junit.jupiter.api.Test;

class TestBradleyTerry {

    /** A 3-model fixture with ties and both-bad: (a, b, wins of a, wins of b, ties, both bad). */
    private static final int[][] FIXTURE = {{0, 1, 7, 3, 2, 1}, {0, 2, 4, 5, 1, 0}, {1, 2, 6, 2, 0, 2}};
    private static final List<String> MODELS = List.of("alpha", "beta", "gamma");

    private static List<Battle> fixture() {
        List<Battle> battles = new ArrayList<>();
        for (int[] pair : FIXTURE) {
            Battle.Winner[] winners = {Battle.Winner.A, Battle.Winner.B, Battle.Winner.TIE, Battle.Winner.BOTH_BAD};
            for (int w = 0; w < 4; w++) {
                for (int n = 0; n < pair[2 + w]; n++) {
                    // Alternate sides so the orientation of a battle cannot matter.
                    boolean swap = n % 2 == 1;
                    Battle.Winner winner = !swap ? winners[w] : winners[w] == Battle.Winner.A ? Battle.Winner.B
                            : winners[w] == Battle.Winner.B ? Battle.Winner.A : winners[w];
                    battles.add(new Battle("b" + battles.size(), MODELS.get(swap ? pair[1] : pair[0]), MODELS.get(swap ? pair[0] : pair[1]),
                            winner, Map.of(), Map.of()));
                }
            }
        }
        return battles;
    }

    /** The same likelihood maximised another way: commons-math's conjugate gradient on (ξ_beta, ξ_gamma), ξ_alpha = 0. */
    private static double[] independentOptimum() {
        MultivariateFunction logLikelihood = xi -> {
            double[] s = {0, xi[0], xi[1]};
            double sum = 0;
            for (int[] pair : FIXTURE) {
                double p = 1 / (1 + Math.exp(-(s[pair[0]] - s[pair[1]])));
                double half = (pair[4] + pair[5]) / 2.0;
                sum += (pair[2] + half) * Math.log(p) + (pair[3] + half) * Math.log(1 - p);
            }
            return sum;
        };
        MultivariateVectorFunction gradient = xi -> {
            double[] s = {0, xi[0], xi[1]};
            double[] g = new double[3];
            for (int[] pair : FIXTURE) {
                double p = 1 / (1 + Math.exp(-(s[pair[0]] - s[pair[1]])));
                double n = pair[2] + pair[3] + pair[4] + pair[5];
                double residual = pair[2] + (pair[4] + pair[5]) / 2.0 - n * p;
                g[pair[0]] += residual;
                g[pair[1]] -= residual;
            }
            return new double[] {g[1], g[2]};
        };
        PointValuePair optimum = new NonLinearConjugateGradientOptimizer(NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                new SimpleValueChecker(1e-15, 1e-15)).optimize(new MaxEval(100_000), new ObjectiveFunction(logLikelihood),
                new ObjectiveFunctionGradient(gradient), GoalType.MAXIMIZE, new InitialGuess(new double[] {0, 0}));
        return optimum.getPoint();
    }

    @Test
    void ratingsEqualAnIndependentMaximumLikelihoodFitWithinOneHundredthOfAPoint() {
        ArenaBoard board = ArenaBoard.rate(fixture(), new ArenaOptions(null, 0, 0, false, 0), ArenaBoard.Segment.ALL);
        double[] xi = independentOptimum();
        assertThat(board.anchor()).isEqualTo("alpha");
        assertThat(rating(board, "alpha")).isEqualTo(1000.0);
        assertThat(rating(board, "beta")).isCloseTo(1000 + 400 * Math.log10(Math.E) * xi[0], within(0.01));
        assertThat(rating(board, "gamma")).isCloseTo(1000 + 400 * Math.log10(Math.E) * xi[1], within(0.01));
        // The fixture is not degenerate: the optimum is away from the start of either method.
        assertThat(Math.abs(xi[0])).isGreaterThan(0.1);
    }

    @Test
    void anotherAnchorShiftsEveryRatingByTheSameAmount() {
        ArenaBoard byAlpha = ArenaBoard.rate(fixture(), new ArenaOptions(null, 0, 0, false, 0), ArenaBoard.Segment.ALL);
        ArenaBoard byGamma = ArenaBoard.rate(fixture(), new ArenaOptions("gamma", 0, 0, false, 0), ArenaBoard.Segment.ALL);
        assertThat(rating(byGamma, "gamma")).isEqualTo(1000.0);
        double shift = rating(byGamma, "alpha") - rating(byAlpha, "alpha");
        for (String model : MODELS) {
            assertThat(rating(byGamma, model) - rating(byAlpha, model)).isCloseTo(shift, within(1e-6));
        }
    }

    @Test
    void aModelThatNeverLostIsReportedNotRatedInfinite() {
        List<Battle> battles = List.of(battle("x", "y", Battle.Winner.A), battle("y", "z", Battle.Winner.A),
                battle("z", "y", Battle.Winner.A), battle("x", "z", Battle.Winner.A));
        assertThatThrownBy(() -> ArenaBoard.rate(battles, new ArenaOptions(null, 0, 0, false, 0), ArenaBoard.Segment.ALL))
                .isInstanceOf(NotIdentifiableException.class).hasMessageContaining("y, z lost every battle against x");
    }

    @Test
    void aDisconnectedComparisonGraphIsReported() {
        List<Battle> battles = List.of(battle("a", "b", Battle.Winner.A), battle("b", "a", Battle.Winner.A),
                battle("c", "d", Battle.Winner.A), battle("d", "c", Battle.Winner.TIE));
        assertThatThrownBy(() -> ArenaBoard.rate(battles, new ArenaOptions(null, 0, 0, false, 0), ArenaBoard.Segment.ALL))
                .isInstanceOf(NotIdentifiableException.class).hasMessageContaining("a, b never battled c, d");
    }

    @Test
    void aTieIsEnoughForAFiniteRating() {
        List<Battle> battles = List.of(battle("a", "b", Battle.Winner.A), battle("a", "b", Battle.Winner.TIE));
        ArenaBoard board = ArenaBoard.rate(battles, new ArenaOptions(null, 0, 0, false, 0), ArenaBoard.Segment.ALL);
        // a scores 1.5 of 2: p = 0.75, so b is log(3) below a.
        assertThat(rating(board, "b")).isCloseTo(1000 - 400 * Math.log10(3), within(0.01));
    }

    static Battle battle(String a, String b, Battle.Winner winner) {
        return new Battle(a + b + Math.random(), a, b, winner, Map.of(), Map.of());
    }

    static double rating(ArenaBoard board, String model) {
        return board.models().stream().filter(row -> row.model().equals(model)).findFirst().orElseThrow().rating();
    }
}
