package io.assay.checks;

import io.assay.spi.AssayPlugin;
import io.assay.spi.RewardCheckFactory;
import java.util.List;

/**
 * The built-in reward checks: {@code exact}, {@code contains}, {@code regex}, {@code numeric},
 * {@code choice}, {@code json}, the combinators {@code all}, {@code any}, {@code weighted}, and
 * for tool environments {@code state_match} and {@code outputs}.
 * Loaded through {@link java.util.ServiceLoader} like any third-party plugin; docs/reward-checks.md
 * describes each check's options and known weaknesses.
 *
 * <pre>{@code
 * reward: {type: numeric, abs_tol: 0.01, extract: last}
 * }</pre>
 */
public final class BasicChecksPlugin implements AssayPlugin {

    @Override
    public List<RewardCheckFactory> rewardChecks() {
        return List.of(
                new ExactCheckFactory(),
                new ContainsCheckFactory(),
                new RegexCheckFactory(),
                new NumericCheckFactory(),
                new ChoiceCheckFactory(),
                new JsonCheckFactory(),
                new AllOrAnyCheckFactory(true),
                new AllOrAnyCheckFactory(false),
                new WeightedCheckFactory(),
                new StateMatchCheckFactory(),
                new OutputsCheckFactory(),
                new ActionsCheckFactory());
    }
}
