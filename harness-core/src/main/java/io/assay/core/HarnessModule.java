package io.assay.core;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import io.assay.core.audit.Auditor;
import io.assay.core.environment.Environments;
import io.assay.launcher.Assay;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.PluginLoader;
import io.assay.core.reward.RewardChecks;
import io.assay.core.run.Rescorer;
import io.assay.core.run.Runner;
import io.assay.core.suite.SpecValidation;
import io.assay.core.suite.SuiteRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Wires the core, Airlift style: every binding explicit, no just-in-time bindings, no circular
 * proxies. Plugins are loaded when the module is made, outside Guice, so a bad plugin directory
 * surfaces as the loader's own clear error rather than wrapped in injector diagnostics.
 *
 * <p>The seams tests replace with {@link com.google.inject.util.Modules#override}: the
 * {@link ComponentRegistry} (the plugins' components: fixtures or fakes instead) and the
 * {@link Clock} the manifests' times and run directory names come from.
 *
 * <pre>{@code
 * Assay assay = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of(pluginDir))).getInstance(Assay.class);
 * Injector fixed = Guice.createInjector(Modules.override(new HarnessModule(List.of()))
 *         .with(binder -> binder.bind(Clock.class).toInstance(Clock.fixed(instant, ZoneOffset.UTC))));
 * }</pre>
 */
public final class HarnessModule extends AbstractModule {
    private final ComponentRegistry registry;

    /** Loads the built-in plugins and those in the given plugin directories. */
    public HarnessModule(List<Path> pluginDirectories) {
        this.registry = new PluginLoader().load(pluginDirectories);
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        binder().requireAtInjectOnConstructors();
        bind(ComponentRegistry.class).toInstance(registry);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(RewardChecks.class).in(Scopes.SINGLETON);
        bind(Environments.class).in(Scopes.SINGLETON);
        bind(SpecValidation.class).in(Scopes.SINGLETON);
        bind(SuiteRepository.class).in(Scopes.SINGLETON);
        bind(Runner.class).in(Scopes.SINGLETON);
        bind(Rescorer.class).in(Scopes.SINGLETON);
        bind(Auditor.class).in(Scopes.SINGLETON);
        bind(Assay.class).in(Scopes.SINGLETON);
    }
}
