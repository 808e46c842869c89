package io.assay.core.environment;

import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.Environment;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import jakarta.inject.Inject;

/** Creates environments from a suite's {@code environment} spec through the registered factories. */
public final class Environments {
    private final ComponentRegistry registry;

    @Inject
    public Environments(ComponentRegistry registry) {
        this.registry = registry;
    }

    public Environment create(Options spec) {
        String type = spec.string("type");
        if (!registry.names(Kind.ENVIRONMENT).contains(type)) {
            throw new InvalidOptionException(spec.field("type"), "unknown environment '" + type
                    + "'; available: " + String.join(", ", registry.names(Kind.ENVIRONMENT)));
        }
        return registry.environment(type).create(spec);
    }
}
