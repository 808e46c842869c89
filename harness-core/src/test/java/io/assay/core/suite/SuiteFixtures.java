package io.assay.core.suite;

import com.google.inject.Injector;
import io.assay.core.environment.NoEnvironment;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.RegisteredComponent;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.core.testing.TestEngine;
import io.assay.spi.Component;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.RewardResult;
import io.assay.spi.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Components and files for the suite tests: the declarative loader, the empty environment and
 * two small reward checks standing in for the real ones in plugins/reward-basic.
 */
final class SuiteFixtures {
    /** The suite tests validate specs, so every reply passes, every reference included. */
    private static final RewardCheck UNGRADED = (task, output, environment) -> RewardResult.pass("not graded in suite tests");

    private SuiteFixtures() {
    }

    /** {@code {type: exact, case_sensitive: BOOL}}, validated like the real check. */
    static final class ExactCheck implements RewardCheckFactory {
        @Override
        public String name() {
            return "exact";
        }

        @Override
        public RewardCheck create(Options options, Context context) {
            options.allowOnly("type", "case_sensitive");
            options.bool("case_sensitive", true);
            return UNGRADED;
        }
    }

    /** {@code {type: all, checks: [SPEC, ...]}}: a combinator, so nested specs get nested paths. */
    static final class AllCheck implements RewardCheckFactory {
        @Override
        public String name() {
            return "all";
        }

        @Override
        public RewardCheck create(Options options, Context context) {
            options.allowOnly("type", "checks");
            options.objects("checks").forEach(context::create);
            return UNGRADED;
        }
    }

    static ComponentRegistry registry(SuiteLoader... extraLoaders) {
        List<RegisteredComponent> components = new ArrayList<>();
        components.add(component(Kind.SUITE_LOADER, new DeclarativeSuiteLoader()));
        for (SuiteLoader loader : extraLoaders) {
            components.add(component(Kind.SUITE_LOADER, loader));
        }
        components.add(component(Kind.ENVIRONMENT, new NoEnvironment()));
        components.add(component(Kind.REWARD_CHECK, new ExactCheck()));
        components.add(component(Kind.REWARD_CHECK, new AllCheck()));
        return new ComponentRegistry(components);
    }

    /** The core as wired for production, with {@code registry}'s components in place of the plugins'. */
    static Injector engine(ComponentRegistry registry) {
        return TestEngine.injector(binder -> binder.bind(ComponentRegistry.class).toInstance(registry));
    }

    /** Validation against the fixture components; shared, as their checks grade nothing. */
    static SpecValidation validation() {
        return Validation.SHARED;
    }

    private static final class Validation {
        static final SpecValidation SHARED = engine(registry()).getInstance(SpecValidation.class);
    }

    /** Writes {@code suite.yaml} and {@code tasks.jsonl} into {@code directory}; a null text writes no file. */
    static Path suite(Path directory, String suiteYaml, String tasksJsonl) {
        try {
            Files.createDirectories(directory);
            if (suiteYaml != null) {
                Files.writeString(directory.resolve("suite.yaml"), suiteYaml);
            }
            if (tasksJsonl != null) {
                Files.writeString(directory.resolve("tasks.jsonl"), tasksJsonl);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource directory under {@code suites/}. */
    static Path resource(String name) {
        try {
            return Path.of(SuiteFixtures.class.getResource("/suites/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RegisteredComponent component(Kind kind, Component component) {
        return new RegisteredComponent(kind, component, "test", "0", "test");
    }
}
