package io.assay.bench;

import io.assay.launcher.Assay;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine opened as the command line opens it: the core, and the agents and checks from their
 * plugin jars in {@code plugins/} beside {@code benchmarks.jar}, each through its own class loader,
 * so a benchmark pays what a real run pays for crossing into a plugin.
 */
final class BenchmarkHarness {

    private BenchmarkHarness() {
    }

    static Assay open() {
        List<Path> plugins = Assay.bundledPluginsBeside(BenchmarkHarness.class);
        if (plugins.isEmpty()) {
            throw new IllegalStateException("no plugins/ folder beside the benchmarks' jar; build it with"
                    + " ./mvnw -B -DskipTests -pl harness-bench -am package");
        }
        return Assay.open(plugins);
    }
}
