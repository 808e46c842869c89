package io.assay.testkit;

import io.assay.spi.AssayPlugin;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Creates reward checks from specs the way the harness does: a spec's {@code type} names the
 * factory, and a combinator's nested specs are created through this same context, so a test
 * exercises validation and nesting exactly as {@code assay suites validate} and {@code assay run} do.
 * An unknown type is an {@link InvalidOptionException} on the spec's {@code type} field.
 *
 * <pre>{@code
 * Checks checks = Checks.of(new MyPlugin());                    // every check the plugin provides
 * RewardCheck similar = checks.create(Specs.reward("similarity", "threshold", 0.9));
 * RewardResult result = Grade.answer(similar, task, "Paris");
 * RewardCheck judged = checks.withDefaults("judge", Map.of("model", "openai/m")).create(spec);  // as --judge-model
 * }</pre>
 */
public final class Checks implements RewardCheckFactory.Context {
    private final Map<String, RewardCheckFactory> factories;
    private final Map<String, Options> defaults;

    private Checks(Map<String, RewardCheckFactory> factories, Map<String, Options> defaults) {
        this.factories = factories;
        this.defaults = defaults;
    }

    private Checks(List<RewardCheckFactory> factories) {
        Map<String, RewardCheckFactory> byName = new LinkedHashMap<>();
        for (RewardCheckFactory factory : factories) {
            RewardCheckFactory clash = byName.putIfAbsent(factory.name(), factory);
            if (clash != null) {
                throw new IllegalArgumentException("reward check '" + factory.name() + "' is given twice: by "
                        + clash.getClass().getName() + " and by " + factory.getClass().getName());
            }
        }
        this.factories = byName;
        this.defaults = Map.of();
    }

    /** The checks of these plugins, as if they were the only ones loaded. */
    public static Checks of(AssayPlugin... plugins) {
        List<RewardCheckFactory> all = new ArrayList<>();
        for (AssayPlugin plugin : plugins) {
            all.addAll(plugin.rewardChecks());
        }
        return new Checks(all);
    }

    /** These factories only. */
    public static Checks of(RewardCheckFactory... factories) {
        return new Checks(Arrays.asList(factories));
    }

    /**
     * These checks, with {@code options} as the run's defaults for checks of {@code type}
     * ({@link RewardCheckFactory.Context#defaults}), as {@code --judge-model} gives the judge its model.
     */
    public Checks withDefaults(String type, Map<String, Object> options) {
        Map<String, Options> all = new LinkedHashMap<>(defaults);
        all.put(type, Options.of(options));
        return new Checks(factories, Map.copyOf(all));
    }

    @Override
    public Options defaults(String type) {
        return defaults.getOrDefault(type, Options.empty());
    }

    /** The check for {@code spec}, created by the factory its {@code type} names. */
    @Override
    public RewardCheck create(Options spec) {
        String type = spec.string("type");
        RewardCheckFactory factory = factories.get(type);
        if (factory == null) {
            throw new InvalidOptionException(spec.field("type"), "unknown reward check '" + type
                    + "'; available: " + String.join(", ", new TreeSet<>(factories.keySet())));
        }
        return factory.create(spec, this);
    }
}
