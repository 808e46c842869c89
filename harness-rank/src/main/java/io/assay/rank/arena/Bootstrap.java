package io.assay.rank.arena;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * 95% confidence intervals by the percentile bootstrap over battles: each replicate draws as many
 * battles as there are, with replacement, and refits. Replicates are seeded from one seed, each
 * with its own generator, so the intervals are the same however many threads run them. A replicate
 * whose battles do not identify the ratings (a model that drew only wins) is left out and counted.
 *
 * @param ratingLow per model, the 2.5th percentile of its log-odds strength
 * @param ratingHigh per model, the 97.5th percentile
 * @param styleLow per style covariate, the 2.5th percentile of its coefficient
 * @param styleHigh per style covariate, the 97.5th percentile
 * @param replicates the replicates that were fitted
 * @param skipped the replicates left out as not identifiable
 */
record Bootstrap(double[] ratingLow, double[] ratingHigh, double[] styleLow, double[] styleHigh, int replicates, int skipped) {

    static Bootstrap run(BattleSet battles, int anchor, int replicates, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] generators = new SplittableRandom[replicates];
        for (int r = 0; r < replicates; r++) {
            generators[r] = root.split();
        }
        BradleyTerry.Fit[] fits = IntStream.range(0, replicates).parallel()
                .mapToObj(r -> replicate(battles, anchor, generators[r]))
                .toArray(BradleyTerry.Fit[]::new);
        BradleyTerry.Fit[] fitted = java.util.Arrays.stream(fits).filter(java.util.Objects::nonNull).toArray(BradleyTerry.Fit[]::new);
        int models = battles.models.size();
        int styles = battles.styleNames.size();
        double[] ratingLow = new double[models];
        double[] ratingHigh = new double[models];
        double[] styleLow = new double[styles];
        double[] styleHigh = new double[styles];
        if (fitted.length > 0) {
            for (int i = 0; i < models; i++) {
                int model = i;
                double[] values = java.util.Arrays.stream(fitted).mapToDouble(fit -> fit.strengths()[model]).toArray();
                ratingLow[i] = percentile(values, 2.5);
                ratingHigh[i] = percentile(values, 97.5);
            }
            for (int c = 0; c < styles; c++) {
                int style = c;
                double[] values = java.util.Arrays.stream(fitted).mapToDouble(fit -> fit.styles()[style]).toArray();
                styleLow[c] = percentile(values, 2.5);
                styleHigh[c] = percentile(values, 97.5);
            }
        }
        return new Bootstrap(ratingLow, ratingHigh, styleLow, styleHigh, fitted.length, replicates - fitted.length);
    }

    private static BradleyTerry.Fit replicate(BattleSet battles, int anchor, SplittableRandom random) {
        int[] weights = new int[battles.size];
        for (int k = 0; k < battles.size; k++) {
            weights[random.nextInt(battles.size)]++;
        }
        try {
            return BradleyTerry.fit(battles.comparisons(weights), anchor, battles.models);
        } catch (NotIdentifiableException e) {
            return null;
        }
    }

    /** The R-7 (linear interpolation) percentile, R's and NumPy's default. */
    private static double percentile(double[] values, double p) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
    }
}
