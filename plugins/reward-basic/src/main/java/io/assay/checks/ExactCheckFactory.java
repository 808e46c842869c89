package io.assay.checks;

import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;

/** {@code {type: exact, case_sensitive: false, normalize: [whitespace, punctuation, articles]}}. */
final class ExactCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String description() {
        return "the whole answer equals the expected answer (or one of a list), after optional normalization";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "case_sensitive", "normalize");
        return new ExactCheck(TextNormalizer.fromOptions(options));
    }
}
