package io.assay.core.environment;

import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.launcher.InputException;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RunInfo;
import io.assay.spi.Suite;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Creates environments from a suite's {@code environment} spec through the registered factories. */
public final class Environments {
    private final ComponentRegistry registry;

    @Inject
    public Environments(ComponentRegistry registry) {
        this.registry = registry;
    }

    /**
     * Checks a spec's options without acquiring what running needs ({@link EnvironmentFactory#validate}).
     *
     * @throws InvalidOptionException on bad options
     */
    public void validate(Options spec) {
        try {
            factory(spec).validate(spec);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("environment validation failed: " + e, e);
        }
    }

    /** The environment for a run or audit. */
    public Environment create(Options spec, RunInfo run) {
        return factory(spec).create(spec, run);
    }

    /**
     * {@code suite} with {@code options} (the command line's {@code -E KEY=VALUE}) set over its
     * environment spec, checked by the environment's factory; the suite itself when there are none.
     * The suite's own spec was checked when it loaded, so what the factory refuses now is an option
     * given here.
     *
     * @throws InputException when the environment refuses an option, or an option would change its type
     */
    public Suite configure(Suite suite, Options options) {
        if (options.values().isEmpty()) {
            return suite;
        }
        Options own = suite.environment();
        if (options.has("type")) {
            throw new InputException("-E type=" + options.get("type") + ": the environment's type is the suite's ("
                    + own.get("type") + ")", "-E sets options of the suite's environment; drop type");
        }
        Map<String, Object> merged = new LinkedHashMap<>(own.values());
        merged.putAll(options.values());
        Options spec = new Options(own.path(), merged);
        try {
            validate(spec);
        } catch (InvalidOptionException e) {
            throw new InputException("-E " + flags(options) + ": environment " + own.get("type") + " of suite "
                    + suite.id() + " refuses it: " + e.getMessage(), null);
        }
        return new Suite(suite.id(), suite.version(), suite.description(), suite.measures(), suite.canary(), spec,
                suite.reward(), suite.tasks(), suite.directory(), suite.contentHash());
    }

    private EnvironmentFactory factory(Options spec) {
        return (EnvironmentFactory) registry.forSpec(Kind.ENVIRONMENT, spec);
    }

    private static String flags(Options options) {
        return options.values().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" -E "));
    }
}
