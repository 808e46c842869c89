package io.assay.core.environment;

import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.Options;
import io.assay.spi.RunInfo;
import jakarta.inject.Inject;

/** Creates environments from a suite's {@code environment} spec through the registered factories. */
public final class Environments {
    private final ComponentRegistry registry;

    @Inject
    public Environments(ComponentRegistry registry) {
        this.registry = registry;
    }

    /** Checks a spec's options without acquiring what running needs ({@link EnvironmentFactory#validate}). */
    public void validate(Options spec) throws Exception {
        factory(spec).validate(spec);
    }

    /** The environment for a run or audit. */
    public Environment create(Options spec, RunInfo run) {
        return factory(spec).create(spec, run);
    }

    private EnvironmentFactory factory(Options spec) {
        return (EnvironmentFactory) registry.forSpec(Kind.ENVIRONMENT, spec);
    }
}
