package io.assay.trust.replicate;

import io.assay.launcher.InputException;
import io.assay.rank.RunTasks;
import io.assay.launcher.RunReport;
import io.assay.trust.bundle.BundleLayout;
import io.assay.trust.bundle.RecordedManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run whose result a replication checks: a run directory, or the run inside a bundle that
 * {@code assay bundle} made, unpacked into a temporary directory that {@link #close()} removes. A
 * bundle is read exactly as {@code assay verify} reads it ({@link BundleLayout#unpackRun}), so a bundle
 * that verifies is the claim replicated; its signature is {@code assay verify}'s business.
 *
 * <pre>{@code
 * try (Claim claim = Claim.open(Path.of("claim.zip"))) {
 *     claim.run().tasks().keySet(); // the tasks the claimed run evaluated
 * }
 * }</pre>
 *
 * @param source the run directory or bundle, as given
 * @param run the claimed run, task by task
 * @param unpacked the temporary directory a bundle's run was unpacked into, {@code null} for a run directory
 */
public record Claim(Path source, RunTasks run, Path unpacked) implements AutoCloseable {

    /**
     * Reads the claim at {@code source}: a bundle when it is a file, else a run directory.
     *
     * @throws InputException when {@code source} is neither a run directory nor a readable bundle, or
     *     its manifest lacks the suite, agent or settings a replication reads
     */
    public static Claim open(Path source) {
        if (!Files.isRegularFile(source)) {
            return new Claim(source, read(source, source.resolve("manifest.json").toString()), null);
        }
        Path unpacked;
        try {
            unpacked = Files.createTempDirectory("assay-claim-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory to unpack " + source + " into", e);
        }
        try {
            return new Claim(source, read(BundleLayout.unpackRun(source, unpacked), source + ": " + BundleLayout.RUN + "manifest.json"),
                    unpacked);
        } catch (RuntimeException e) {
            delete(unpacked);
            throw e;
        }
    }

    private static RunTasks read(Path run, String manifestFile) {
        RecordedManifest.require(RunReport.manifestOf(run), manifestFile);
        return RunTasks.read(run);
    }

    /** The claimed run's id, its directory's name when it ran. */
    public String runId() {
        return run.manifest().runId();
    }

    /** Removes the unpacked bundle, if any and not removed already. */
    @Override
    public void close() {
        if (unpacked != null && Files.exists(unpacked)) {
            delete(unpacked);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unpacked bundle " + directory, e);
        }
    }
}
