package io.assay.core.reward;

import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.launcher.InputException;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns reward specs ({@code {type: exact, ...}}) into checks through the registered factories.
 * Checks are cached by spec content, so 100,000 tasks sharing the suite default share one check.
 */
public final class RewardChecks implements RewardCheckFactory.Context {
    private final ComponentRegistry registry;
    private final Map<String, Options> defaults;
    private final Map<Map<String, Object>, RewardCheck> cache = new ConcurrentHashMap<>();

    @Inject
    public RewardChecks(ComponentRegistry registry) {
        this(registry, Map.of());
    }

    private RewardChecks(ComponentRegistry registry, Map<String, Options> defaults) {
        this.registry = registry;
        this.defaults = Map.copyOf(defaults);
    }

    /**
     * The checks of one run or audit of {@code suite}, whose factories see {@code defaults} (options
     * by check type, from the command line) through {@link #defaults(String)}; this when there are
     * none. A check made with defaults is not the check its spec alone makes, hence a cache of its
     * own. Every check of the suite is made here, so that defaults a check refuses (a malformed
     * {@code --judge-model}) stop the run before it starts rather than fail each trial.
     *
     * @throws InputException naming the defaults and the check's complaint
     */
    public RewardChecks withDefaults(Map<String, Options> defaults, Suite suite) {
        if (defaults.isEmpty()) {
            return this;
        }
        RewardChecks checks = new RewardChecks(registry, defaults);
        try {
            suite.tasks().forEach(task -> checks.forTask(suite, task));
        } catch (InvalidOptionException e) {
            throw new InputException("reward checks with the defaults " + describe(defaults) + ": " + e.getMessage(),
                    "fix the command line's options for these checks (such as --judge-model PROVIDER/NAME)");
        }
        return checks;
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

    @Override
    public Options defaults(String type) {
        return defaults.getOrDefault(type, Options.empty());
    }

    /** The check that grades {@code task} in {@code suite}. */
    public RewardCheck forTask(Suite suite, Task task) {
        return create(suite.rewardFor(task));
    }

    private RewardCheckFactory factory(Options spec) {
        return (RewardCheckFactory) registry.forSpec(Kind.REWARD_CHECK, spec);
    }

    private static String describe(Map<String, Options> defaults) {
        return defaults.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue().values())
                .collect(Collectors.joining(", "));
    }
}
