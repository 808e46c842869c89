package io.assay.core;

import io.assay.core.environment.NoEnvironment;
import io.assay.core.suite.DeclarativeSuiteLoader;
import io.assay.spi.AssayPlugin;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.SuiteLoader;
import java.util.List;

/**
 * The core's own components, found through the same {@link java.util.ServiceLoader} path as any
 * third-party plugin: the declarative suite format and the empty environment.
 */
public final class CorePlugin implements AssayPlugin {

    @Override
    public List<SuiteLoader> suiteLoaders() {
        return List.of(new DeclarativeSuiteLoader());
    }

    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new NoEnvironment());
    }
}
