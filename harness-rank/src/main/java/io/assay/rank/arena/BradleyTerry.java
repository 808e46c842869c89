package io.assay.rank.arena;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealVector;

/**
 * The Bradley–Terry model by maximum likelihood: a logistic regression of model A's score on +1/−1
 * model indicators (and style differences), unregularised, ties counting half a win to each side
 * (the binomial-with-weights likelihood {@code Σ s·log p + (n − s)·log(1 − p)}). Fitted by Newton's
 * method (IRLS), each step solved by commons-math's Cholesky decomposition of the information
 * matrix; the anchor's column is dropped, so its strength is 0.
 */
final class BradleyTerry {
    /** Elo-like points per unit of log-odds: 400·log10(e). */
    static final double POINTS = 400 / Math.log(10);
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;
    /** A strength beyond this many log-odds (≈ 8,700 points) means the optimum is at infinity. */
    private static final double DIVERGED = 50;

    private BradleyTerry() {
    }

    /**
     * The maximum-likelihood fit.
     *
     * @param strengths each model's log-odds strength, the anchor's 0
     * @param styles each style covariate's coefficient, in log-odds per unit of normalised difference
     */
    record Fit(double[] strengths, double[] styles, int iterations) {
    }

    static Fit fit(BattleSet.Comparisons rows, int anchor, List<String> models) {
        requireIdentifiable(rows, models);
        int m = rows.models();
        int p = m - 1 + rows.styles();
        double[] theta = new double[p];
        double logLikelihood = logLikelihood(rows, anchor, theta);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p];
            double[][] information = new double[p][p];
            accumulate(rows, anchor, theta, gradient, information);
            RealVector step;
            try {
                step = new CholeskyDecomposition(new Array2DRowRealMatrix(information, false), 1e-8, 1e-12)
                        .getSolver().solve(new ArrayRealVector(gradient, false));
            } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
                throw new NotIdentifiableException("the ratings are not identifiable: the information matrix is singular"
                        + (rows.styles() > 0 ? " (a style covariate may be constant or collinear with the models)" : ""));
            }
            // Step halving keeps every iteration an ascent; from 0 on a concave likelihood it is rarely needed.
            double scale = 1;
            double[] next = new double[p];
            double nextLogLikelihood;
            do {
                for (int c = 0; c < p; c++) {
                    next[c] = theta[c] + scale * step.getEntry(c);
                }
                nextLogLikelihood = logLikelihood(rows, anchor, next);
                scale /= 2;
            } while (nextLogLikelihood < logLikelihood - 1e-12 * Math.abs(logLikelihood) && scale > 1e-6);
            double change = step.getLInfNorm() * scale * 2;
            theta = next;
            logLikelihood = nextLogLikelihood;
            if (IntStream.range(0, p).anyMatch(c -> Math.abs(next[c]) > DIVERGED)) {
                throw new NotIdentifiableException("the ratings are not identifiable: the fit diverges (some model's rating"
                        + " grows without bound)");
            }
            if (change < TOLERANCE) {
                return fitOf(theta, m, anchor, rows.styles(), iteration);
            }
        }
        return fitOf(theta, m, anchor, rows.styles(), MAX_ITERATIONS);
    }

    private static Fit fitOf(double[] theta, int m, int anchor, int styles, int iterations) {
        double[] strengths = new double[m];
        for (int i = 0; i < m; i++) {
            strengths[i] = i == anchor ? 0 : theta[column(i, anchor)];
        }
        double[] coefficients = new double[styles];
        System.arraycopy(theta, m - 1, coefficients, 0, styles);
        return new Fit(strengths, coefficients, iterations);
    }

    /** The parameter column of model {@code i}, or −1 for the anchor. */
    private static int column(int i, int anchor) {
        return i == anchor ? -1 : i < anchor ? i : i - 1;
    }

    private static double eta(BattleSet.Comparisons rows, int r, int anchor, double[] theta) {
        int i = column(rows.first()[r], anchor);
        int j = column(rows.second()[r], anchor);
        double eta = (i >= 0 ? theta[i] : 0) - (j >= 0 ? theta[j] : 0);
        if (rows.covariates() != null) {
            double[] z = rows.covariates()[r];
            int offset = rows.models() - 1;
            for (int c = 0; c < z.length; c++) {
                eta += z[c] * theta[offset + c];
            }
        }
        return eta;
    }

    static double logLikelihood(BattleSet.Comparisons rows, int anchor, double[] theta) {
        double sum = 0;
        for (int r = 0; r < rows.count().length; r++) {
            if (rows.count()[r] > 0) {
                double eta = eta(rows, r, anchor, theta);
                // log σ(η) = −log(1 + e^−η), computed stably for both signs.
                sum += rows.score()[r] * -softplus(-eta) + (rows.count()[r] - rows.score()[r]) * -softplus(eta);
            }
        }
        return sum;
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static void accumulate(BattleSet.Comparisons rows, int anchor, double[] theta, double[] gradient,
                                   double[][] information) {
        int offset = rows.models() - 1;
        int styles = rows.styles();
        int[] index = new int[2 + styles];
        double[] value = new double[2 + styles];
        for (int r = 0; r < rows.count().length; r++) {
            double n = rows.count()[r];
            if (n == 0) {
                continue;
            }
            double probability = 1 / (1 + Math.exp(-eta(rows, r, anchor, theta)));
            double residual = rows.score()[r] - n * probability;
            double weight = n * probability * (1 - probability);
            int entries = 0;
            int i = column(rows.first()[r], anchor);
            int j = column(rows.second()[r], anchor);
            if (i >= 0) {
                index[entries] = i;
                value[entries++] = 1;
            }
            if (j >= 0) {
                index[entries] = j;
                value[entries++] = -1;
            }
            for (int c = 0; c < styles; c++) {
                index[entries] = offset + c;
                value[entries++] = rows.covariates()[r][c];
            }
            for (int e = 0; e < entries; e++) {
                gradient[index[e]] += value[e] * residual;
                for (int f = 0; f < entries; f++) {
                    information[index[e]][index[f]] += weight * value[e] * value[f];
                }
            }
        }
    }

    /**
     * Ford's condition for a finite maximum: in the graph with an edge i → j whenever i scored
     * against j, every model reaches every other. Otherwise say which models make it fail.
     */
    static void requireIdentifiable(BattleSet.Comparisons rows, List<String> models) {
        int m = rows.models();
        List<List<Integer>> beat = new ArrayList<>();
        List<List<Integer>> beatenBy = new ArrayList<>();
        List<List<Integer>> met = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            beat.add(new ArrayList<>());
            beatenBy.add(new ArrayList<>());
            met.add(new ArrayList<>());
        }
        for (int r = 0; r < rows.count().length; r++) {
            if (rows.count()[r] == 0) {
                continue;
            }
            int i = rows.first()[r];
            int j = rows.second()[r];
            met.get(i).add(j);
            met.get(j).add(i);
            if (rows.score()[r] > 0) {
                beat.get(i).add(j);
                beatenBy.get(j).add(i);
            }
            if (rows.score()[r] < rows.count()[r]) {
                beat.get(j).add(i);
                beatenBy.get(i).add(j);
            }
        }
        boolean[] connected = reach(met, m);
        if (!all(connected)) {
            throw new NotIdentifiableException("the ratings are not identifiable: the models fall into groups that never"
                    + " met; " + names(models, connected, true) + " never battled " + names(models, connected, false));
        }
        boolean[] reached = reach(beat, m);
        if (!all(reached)) {
            throw new NotIdentifiableException("the ratings are not identifiable: " + names(models, reached, false)
                    + " won every battle against " + names(models, reached, true) + ", so their ratings would be infinite");
        }
        boolean[] reaching = reach(beatenBy, m);
        if (!all(reaching)) {
            throw new NotIdentifiableException("the ratings are not identifiable: " + names(models, reaching, false)
                    + " lost every battle against " + names(models, reaching, true) + ", so their ratings would be infinite");
        }
    }

    private static boolean[] reach(List<List<Integer>> edges, int m) {
        boolean[] seen = new boolean[m];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            for (int next : edges.get(queue.poll())) {
                if (!seen[next]) {
                    seen[next] = true;
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    private static boolean all(boolean[] flags) {
        for (boolean flag : flags) {
            if (!flag) {
                return false;
            }
        }
        return true;
    }

    private static String names(List<String> models, boolean[] flags, boolean value) {
        List<String> names = IntStream.range(0, models.size()).filter(i -> flags[i] == value).mapToObj(models::get).toList();
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
