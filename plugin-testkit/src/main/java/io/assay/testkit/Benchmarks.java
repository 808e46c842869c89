package io.assay.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published benchmark data beside the repository ({@code ../shared/benchmarks}: tau-bench,
 * tau2-bench, GSM8K), which tests read unchanged. The build passes its location as the system
 * property {@code assay.benchmarks}; a folder that is missing fails the test rather than skipping
 * it, since CI's checkout has the data.
 *
 * <pre>{@code
 * Path airline = Benchmarks.folder("tau-bench/tau1/airline");
 * }</pre>
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** A file or folder under the benchmark data, which must exist. */
    public static Path folder(String relative) {
        String root = System.getProperty("assay.benchmarks");
        if (root == null) {
            throw new IllegalStateException("system property assay.benchmarks is not set; run the tests through Maven,"
                    + " which points it at ../shared/benchmarks beside the repository");
        }
        Path path = Path.of(root).resolve(relative).normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException("benchmark data not found: " + path
                    + " (the published files belong in ../shared/benchmarks beside the repository)");
        }
        return path;
    }
}
