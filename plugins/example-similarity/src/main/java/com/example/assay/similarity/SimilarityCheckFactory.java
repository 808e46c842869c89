package com.example.assay.similarity;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;

/**
 * {@code {type: similarity, threshold: 0.8}}: grades an answer by its normalized edit-distance
 * similarity to the task's answer, for free-text answers where near misses deserve partial credit.
 */
public final class SimilarityCheckFactory implements RewardCheckFactory {
    private static final double DEFAULT_THRESHOLD = 0.8;

    @Override
    public String name() {
        return "similarity";
    }

    @Override
    public String description() {
        return "normalized Levenshtein similarity to the answer, ignoring case and surrounding blanks";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "threshold");
        double threshold = options.number("threshold", DEFAULT_THRESHOLD);
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new InvalidOptionException(options.field("threshold"),
                    "expected a number greater than 0 and at most 1, got " + threshold);
        }
        return new SimilarityCheck(threshold);
    }
}
