package io.assay.trust.replicate;

import io.assay.launcher.InputException;
import io.assay.rank.RunTasks;
import io.assay.trust.bundle.BundleLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run whose result a replication checks: a run directory, or the run inside a bundle that
 * {@code assay bundle} made, unpacked into a temporary directory that {@link #close()} removes (a
 * bundle's signature is {@code assay verify}'s business, not this one's).
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
     * @throws InputException when {@code source} is neither a run directory nor a readable bundle
     */
    public static Claim open(Path source) {
        if (!Files.isRegularFile(source)) {
            return new Claim(source, RunTasks.read(source), null);
        }
        Path unpacked;
        try {
            unpacked = Files.createTempDirectory("assay-claim-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory to unpack " + source + " into", e);
        }
        try {
            return new Claim(source, RunTasks.read(BundleLayout.unpackRun(source, unpacked)), unpacked);
        } catch (RuntimeException e) {
            delete(unpacked);
            throw e;
        }
    }

    /** The claimed run's id, its directory's name when it ran. */
    public String runId() {
        return run.manifest().runId();
    }

    /** Removes the unpacked bundle, if any. */
    @Override
    public void close() {
        if (unpacked != null) {
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
