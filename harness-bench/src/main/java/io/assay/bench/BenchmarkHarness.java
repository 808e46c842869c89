package io.assay.bench;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.plugin.BundledPlugins;
import io.assay.core.run.Runner;
import java.nio.file.Path;
import java.util.List;

/**
 * The harness wired as the command line wires it: the core, and the agents and checks from their
 * plugin jars in {@code plugins/} beside {@code benchmarks.jar}, each through its own class loader,
 * so a benchmark pays what a real run pays for crossing into a plugin.
 */
final class BenchmarkHarness {

    private BenchmarkHarness() {
    }

    static Runner runner() {
        Path plugins = BundledPlugins.besideCodeOf(BenchmarkHarness.class).orElseThrow(() -> new IllegalStateException(
                "no plugins/ folder beside the benchmarks' jar; build it with"
                        + " ./mvnw -B -DskipTests -pl harness-bench -am package"));
        return Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of(plugins))).getInstance(Runner.class);
    }
}
