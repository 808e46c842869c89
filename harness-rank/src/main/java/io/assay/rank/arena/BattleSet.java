package io.assay.rank.arena;

import io.assay.launcher.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Battles as the fit reads them: model indices (models sorted by name), model A's score
 * {@code y ∈ {0, 0.5, 1}} and, with style control, each battle's normalised style differences
 * {@code (a − b)/(a + b)}. {@link #comparisons} weighs battles (1 each, or bootstrap counts) and,
 * without style covariates, sums them per pair of models, so a million battles among 100 models
 * fit as at most 4,950 rows.
 */
final class BattleSet {
    /** Style covariates and the features they are computed from. */
    static final List<String> STYLES = List.of("tokens", "markdown", "latency");

    final List<String> models;
    final int size;
    final int[] a;
    final int[] b;
    final double[] y;
    /** Per battle, the style differences, or {@code null} without style control. */
    final double[][] style;
    final List<String> styleNames;
    final int[] battlesPerModel;
    // Without style: each battle's row (pair lo < hi), and the score of the pair's first model.
    private final int[] pairRow;
    private final double[] pairScore;
    private final int[] pairFirst;
    private final int[] pairSecond;

    BattleSet(List<Battle> battles, boolean styleControl) {
        models = List.copyOf(new TreeSet<>(battles.stream().flatMap(x -> java.util.stream.Stream.of(x.modelA(), x.modelB())).toList()));
        Map<String, Integer> index = new HashMap<>();
        for (String model : models) {
            index.put(model, index.size());
        }
        size = battles.size();
        a = new int[size];
        b = new int[size];
        y = new double[size];
        battlesPerModel = new int[models.size()];
        for (int k = 0; k < size; k++) {
            Battle battle = battles.get(k);
            a[k] = index.get(battle.modelA());
            b[k] = index.get(battle.modelB());
            y[k] = battle.winner().scoreA();
            battlesPerModel[a[k]]++;
            battlesPerModel[b[k]]++;
        }
        if (styleControl) {
            styleNames = styleNames(battles);
            style = new double[size][styleNames.size()];
            for (int k = 0; k < size; k++) {
                Map<String, Double> features = battles.get(k).features();
                for (int c = 0; c < styleNames.size(); c++) {
                    String name = styleNames.get(c).equals("latency") ? "latency_ms" : styleNames.get(c);
                    style[k][c] = normalisedDifference(features.get(name + "_a"), features.get(name + "_b"));
                }
            }
            pairRow = null;
            pairScore = null;
            pairFirst = null;
            pairSecond = null;
        } else {
            styleNames = List.of();
            style = null;
            pairRow = new int[size];
            pairScore = new double[size];
            Map<Long, Integer> rows = new HashMap<>();
            List<int[]> pairs = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                int lo = Math.min(a[k], b[k]);
                int hi = Math.max(a[k], b[k]);
                Integer row = rows.get((long) lo * models.size() + hi);
                if (row == null) {
                    row = pairs.size();
                    rows.put((long) lo * models.size() + hi, row);
                    pairs.add(new int[] {lo, hi});
                }
                pairRow[k] = row;
                pairScore[k] = a[k] == lo ? y[k] : 1 - y[k];
            }
            pairFirst = pairs.stream().mapToInt(p -> p[0]).toArray();
            pairSecond = pairs.stream().mapToInt(p -> p[1]).toArray();
        }
    }

    /** {@code (a − b)/(a + b)}, in [−1, 1]; 0 when both are 0. */
    static double normalisedDifference(double a, double b) {
        return a + b == 0 ? 0 : (a - b) / (a + b);
    }

    /** The style covariates every battle has features for; one some battles lack is an error, not a silent 0. */
    private static List<String> styleNames(List<Battle> battles) {
        List<String> names = new ArrayList<>();
        for (String name : STYLES) {
            String feature = name.equals("latency") ? "latency_ms" : name;
            long with = battles.stream().filter(x -> x.features().containsKey(feature + "_a") && x.features().containsKey(feature + "_b")).count();
            if (with == battles.size()) {
                names.add(name);
            } else if (with > 0 || battles.stream().anyMatch(x -> x.features().containsKey(feature + "_a") || x.features().containsKey(feature + "_b"))) {
                throw new InputException("--style-control: features." + feature + "_a and " + feature + "_b are on " + with + " of "
                                + battles.size() + " battles; a style covariate needs both on every battle",
                        "give them on every battle, or on none to leave " + name + " out of the style model");
            }
        }
        if (names.isEmpty()) {
            throw new InputException("--style-control: no battle has style features",
                    "add \"features\": {\"tokens_a\", \"tokens_b\", \"markdown_a\", \"markdown_b\", \"latency_ms_a\", \"latency_ms_b\"} to every battle");
        }
        return List.copyOf(names);
    }

    /** The rows to fit, each battle counted {@code weights[k]} times ({@code null}: once). */
    Comparisons comparisons(int[] weights) {
        if (style == null) {
            int rows = pairFirst.length;
            double[] count = new double[rows];
            double[] score = new double[rows];
            for (int k = 0; k < size; k++) {
                double w = weights == null ? 1 : weights[k];
                count[pairRow[k]] += w;
                score[pairRow[k]] += w * pairScore[k];
            }
            return new Comparisons(models.size(), pairFirst, pairSecond, count, score, null, 0);
        }
        double[] count = new double[size];
        double[] score = new double[size];
        for (int k = 0; k < size; k++) {
            count[k] = weights == null ? 1 : weights[k];
            score[k] = count[k] * y[k];
        }
        return new Comparisons(models.size(), a, b, count, score, style, styleNames.size());
    }

    /**
     * Rows of paired comparisons: row {@code r} is {@code count[r]} battles of {@code first[r]}
     * against {@code second[r]} in which the first scored {@code score[r]} wins (ties as halves),
     * with style differences {@code covariates[r]} ({@code null} without style).
     */
    record Comparisons(int models, int[] first, int[] second, double[] count, double[] score, double[][] covariates,
                       int styles) {
    }
}
