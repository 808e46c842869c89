package io.assay.core.testing;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import io.assay.core.HarnessModule;
import java.util.List;

/**
 * The core wired as in production, with the plugins on the test class path (the built-ins and the
 * {@link TestingPlugin}), and whatever bindings a test replaces: a fixed clock, or its own
 * components in place of the plugins'.
 *
 * <pre>{@code
 * Runner runner = TestEngine.injector(binder -> binder.bind(Clock.class).toInstance(fixed)).getInstance(Runner.class);
 * }</pre>
 */
public final class TestEngine {

    private TestEngine() {
    }

    public static Injector injector(Module... overrides) {
        return Guice.createInjector(Stage.PRODUCTION, Modules.override(new HarnessModule(List.of())).with(overrides));
    }
}
