package io.assay.checks;

import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;

/** {@code {type: all, checks: [SPEC, ...]}} and {@code {type: any, checks: [SPEC, ...]}}. */
final class AllOrAnyCheckFactory implements RewardCheckFactory {
    private final boolean requireAll;

    /** @param requireAll true for {@code all}, false for {@code any} */
    AllOrAnyCheckFactory(boolean requireAll) {
        this.requireAll = requireAll;
    }

    @Override
    public String name() {
        return requireAll ? "all" : "any";
    }

    @Override
    public String description() {
        return requireAll
                ? "passes when every nested check passes; score is the lowest"
                : "passes when at least one nested check passes; score is the highest";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "checks");
        return new AllOrAnyCheck(requireAll, ChildChecks.create(options.objects("checks"), context));
    }
}
