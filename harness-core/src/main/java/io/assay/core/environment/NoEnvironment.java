package io.assay.core.environment;

import io.assay.spi.Environment;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.Options;

/** {@code environment: {type: none}}: question-answer tasks that need nothing but the prompt. */
public final class NoEnvironment implements EnvironmentFactory {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String description() {
        return "no environment: the agent sees only the prompt";
    }

    @Override
    public Environment create(Options options) {
        options.allowOnly("type");
        return (task, seed) -> () -> { };
    }
}
