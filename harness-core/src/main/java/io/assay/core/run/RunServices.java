package io.assay.core.run;

import io.assay.core.environment.Environments;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.reward.RewardChecks;
import java.time.Clock;

/**
 * The engine's services a {@link Run} uses, handed over by the {@link Runner} that prepared it: the
 * components (for result sinks), the reward checks, the environments, and the clock its manifest's
 * times come from.
 */
record RunServices(ComponentRegistry registry, RewardChecks rewardChecks, Environments environments, Clock clock) {
}
