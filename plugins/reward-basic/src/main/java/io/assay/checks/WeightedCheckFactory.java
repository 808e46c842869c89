package io.assay.checks;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.ArrayList;
import java.util.List;

/** {@code {type: weighted, threshold: 1.0, checks: [{check: SPEC, weight: 2}, ...]}}. */
final class WeightedCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "weighted";
    }

    @Override
    public String description() {
        return "weighted mean of nested check scores; passes at or above threshold (default 1.0)";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "checks", "threshold");
        double threshold = options.number("threshold", 1.0);
        if (!(threshold > 0 && threshold <= 1)) {
            throw new InvalidOptionException(options.field("threshold"),
                    "expected a number in (0, 1], got " + Options.describe(options.get("threshold")));
        }
        List<Options> specs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Options item : options.objects("checks")) {
            item.allowOnly("check", "weight");
            weights.add(weight(item));
            specs.add(item.object("check"));
        }
        return new WeightedCheck(ChildChecks.create(specs, context), weights, threshold);
    }

    private static double weight(Options item) {
        if (!item.has("weight")) {
            throw new InvalidOptionException(item.field("weight"), "required positive number is missing");
        }
        double weight = item.number("weight", 0);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new InvalidOptionException(item.field("weight"),
                    "expected a positive number, got " + Options.describe(item.get("weight")));
        }
        return weight;
    }
}
