package io.assay.core.suite;

import io.assay.core.environment.Environments;
import io.assay.core.reward.RewardChecks;
import io.assay.spi.Environment;
import io.assay.spi.Options;
import io.assay.spi.SuiteLoader;
import jakarta.inject.Inject;

/** Validates specs by creating them, so a suite that loads is a suite that runs. */
public final class SpecValidation implements SuiteLoader.Context {
    private final RewardChecks rewardChecks;
    private final Environments environments;

    @Inject
    public SpecValidation(RewardChecks rewardChecks, Environments environments) {
        this.rewardChecks = rewardChecks;
        this.environments = environments;
    }

    @Override
    public void validateReward(Options spec) {
        rewardChecks.create(spec);
    }

    @Override
    public void validateEnvironment(Options spec) {
        try (Environment ignored = environments.create(spec)) {
            // Created only to validate its options.
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("environment could not be released after validation", e);
        }
    }
}
