package io.assay.core.reward;

import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns reward specs ({@code {type: exact, ...}}) into checks through the registered factories.
 * Checks are cached by spec content, so 100,000 tasks sharing the suite default share one check.
 */
public final class RewardChecks implements RewardCheckFactory.Context {
    private final ComponentRegistry registry;
    private final Map<Map<String, Object>, RewardCheck> cache = new ConcurrentHashMap<>();

    @Inject
    public RewardChecks(ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RewardCheck create(Options spec) {
        RewardCheck cached = cache.get(spec.values());
        if (cached != null) {
            return cached;
        }
        // Not computeIfAbsent: combinators create their nested checks re-entrantly.
        RewardCheck created = factory(spec).create(spec, this);
        RewardCheck raced = cache.putIfAbsent(spec.values(), created);
        return raced != null ? raced : created;
    }

    /** The check that grades {@code task} in {@code suite}. */
    public RewardCheck forTask(Suite suite, Task task) {
        return create(suite.rewardFor(task));
    }

    private RewardCheckFactory factory(Options spec) {
        return (RewardCheckFactory) registry.forSpec(Kind.REWARD_CHECK, spec);
    }
}
