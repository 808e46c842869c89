package io.assay.core.suite;

import io.assay.core.environment.Environments;
import io.assay.core.reward.RewardChecks;
import io.assay.spi.Options;
import io.assay.spi.SuiteLoader;
import jakarta.inject.Inject;

/**
 * Validates specs through their factories, so a suite that loads is a suite that runs: reward
 * checks are created, environments validated by their factory (the docker one needs no engine).
 */
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
        try {
            environments.validate(spec);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("environment validation failed: " + e, e);
        }
    }
}
