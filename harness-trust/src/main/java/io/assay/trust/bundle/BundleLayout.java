package io.assay.trust.bundle;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

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

    private BundleLayout() {
    }

    /**
     * Writes the bundle's run directory into {@code into} and returns it. Nothing is checked but the
     * zip itself: {@code assay verify} is what tells whether the files are the signed ones.
     *
     * @throws InputException when the file is not a readable zip, holds no run, or names a path
     *     outside its folder
     */
    public static Path unpackRun(Path bundle, Path into) {
        Path root = into.toAbsolutePath().normalize();
        boolean any = false;
        try (InputStream file = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().startsWith(RUN) || entry.isDirectory()) {
                    continue;
                }
                Path target = root.resolve(entry.getName().substring(RUN.length())).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new InputException(bundle + ": " + entry.getName() + ": entry escapes the bundle's run folder",
                            "make bundles with assay bundle RUN --key KEY --out BUNDLE.zip");
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
                any = true;
            }
        } catch (ZipException e) {
            throw new InputException(bundle + ": not a readable zip (" + e.getMessage() + ")", "make bundles with assay bundle RUN --key KEY --out BUNDLE.zip");
        } catch (IOException e) {
            throw new InputException(bundle + ": cannot read the bundle (" + e + ")", "check the path and its permissions");
        }
        if (!any) {
            throw new InputException(bundle + ": holds no run/ folder", "make bundles with assay bundle RUN --key KEY --out BUNDLE.zip");
        }
        return root;
    }
}
