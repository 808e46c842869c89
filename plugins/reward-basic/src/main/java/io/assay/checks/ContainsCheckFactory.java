package io.assay.checks;

import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.Set;

/** {@code {type: contains, case_sensitive: false}}. */
final class ContainsCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "contains";
    }

    @Override
    public String description() {
        return "the expected string (or one of a list) occurs in the answer; weak against negation and stuffing";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "case_sensitive");
        return new ContainsCheck(new TextNormalizer(options.bool("case_sensitive", false), Set.of()));
    }
}
