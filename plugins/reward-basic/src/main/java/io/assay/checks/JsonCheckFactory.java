package io.assay.checks;

import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;

/** {@code {type: json, subset: false}}. */
final class JsonCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "the answer parsed as JSON equals the expected value (key order ignored, 1 == 1.0), or contains it with subset";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "subset");
        return new JsonCheck(options.bool("subset", false));
    }
}
