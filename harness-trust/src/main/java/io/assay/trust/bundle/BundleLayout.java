package io.assay.trust.bundle;

import io.assay.launcher.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Where a result bundle keeps what: the run directory's files under {@code run/}, the hash tree in
 * {@code hashes.json} and the Ed25519 signature over that file's bytes in {@code signature}.
 *
 * <pre>{@code
 * Path run = BundleLayout.unpackRun(Path.of("claim.zip"), Files.createTempDirectory("claim"));
 * RunReport report = RunReport.of(run);
 * }</pre>
 */
public final class BundleLayout {
    /** The folder of the run directory's files. */
    public static final String RUN = "run/";
    /** The hash tree: every file's SHA-256, the suite's, the images', the plugins', Assay's version. */
    public static final String HASHES = "hashes.json";
    /** The Ed25519 signature over {@link #HASHES}' bytes, in Base64. */
    public static final String SIGNATURE = "signature";

    private static final String REMAKE = "make bundles with assay bundle RUN --key KEY --out BUNDLE.zip";

    private BundleLayout() {
    }

    /**
     * Writes the bundle's signed run files into {@code into} and returns it, read as {@code assay verify}
     * reads them ({@link BundleContents}): the same entries, only those {@code hashes.json} names, none
     * past its signed size. Whether the signature holds is {@code assay verify}'s to say.
     *
     * @throws InputException when the file is not a readable zip, has bytes outside its entries, holds
     *     no readable {@code hashes.json} or no run, or an entry does not unpack as signed
     */
    public static Path unpackRun(Path bundle, Path into) {
        Path root = into.toAbsolutePath().normalize();
        BundleContents contents;
        try {
            contents = BundleContents.unpack(bundle, root);
        } catch (ZipException | EOFException e) {
            throw new InputException(bundle + ": not a readable zip (" + e.getMessage() + ")", REMAKE);
        } catch (IOException e) {
            throw new InputException(bundle + ": cannot read the bundle (" + e + ")", "check the path and its permissions");
        }
        if (!contents.failures().isEmpty()) {
            Failure first = contents.failures().getFirst();
            throw new InputException((first.file().equals(bundle.toString()) ? "" : bundle + ": ") + first
                    + (contents.failures().size() > 1 ? " (and " + (contents.failures().size() - 1) + " more)" : ""),
                    "check it with assay verify BUNDLE --pubkey FILE.pub");
        }
        if (contents.tree() == null) {
            throw new InputException(bundle + ": " + HASHES + ": " + (contents.hashes() == null ? "missing" : contents.treeProblem()),
                    "a hash tree that names the run's files; " + REMAKE);
        }
        if (contents.runFiles().isEmpty()) {
            throw new InputException(bundle + ": holds no signed run/ files", REMAKE);
        }
        return root;
    }
}
