package io.assay.trust.bundle;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.RunProgress;
import io.assay.launcher.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code assay bundle}: a run directory in a zip with its signed hash tree ({@link BundleLayout}).
 * The suite must be the one the run evaluated (its loaded content hash the manifest's), else there is
 * no bundle: a tree naming another suite would sign a claim the run never made.
 *
 * <pre>{@code
 * KeyPair signer = new KeyPair(KeyFiles.readPublic(Path.of("k.pem.pub")), KeyFiles.readPrivate(Path.of("k.pem")));
 * HashTree tree = BundleWriter.write(Assay.open(List.of()), Path.of("runs/arith-oracle"), signer, null, Path.of("claim.zip"));
 * }</pre>
 */
public final class BundleWriter {

    private BundleWriter() {
    }

    /**
     * Writes the bundle of {@code run} to {@code out} and returns the tree it signed.
     *
     * @param suite the suite's directory, or {@code null} for the one the manifest names
     * @throws InputException when {@code out} exists, {@code run} is not a run, or the suite is missing,
     *     does not load or is not the one the run evaluated
     */
    public static HashTree write(Assay assay, Path run, KeyPair signer, Path suite, Path out) {
        if (Files.exists(out)) {
            throw new InputException(out + " already exists; a bundle is never overwritten", "choose another --out");
        }
        if (out.toAbsolutePath().normalize().startsWith(run.toAbsolutePath().normalize())) {
            throw new InputException(out + " is inside run " + run + ", which the bundle packs", "write the bundle outside the run directory");
        }
        Manifest manifest = RunReport.manifestOf(run);
        RunProgress.requireCombined(run); // a bundle packs trials.jsonl, which the last shard writes
        Path suiteDirectory = suite != null ? suite : SuiteHashes.recordedDirectory(manifest);
        HashTree.Suite loaded = SuiteHashes.of(SuiteHashes.load(assay, suiteDirectory, manifest), suiteDirectory, manifest);
        if (!loaded.contentHash().equals(manifest.suite().contentHash())) {
            throw new InputException("suite " + suiteDirectory + " is not the one run " + run + " evaluated: its content hash is "
                    + loaded.contentHash() + ", the run recorded " + manifest.suite().contentHash(),
                    "give the suite as it was when the run started with --suite DIR");
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            HashTree tree;
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                SortedMap<String, FileHash> files = addRun(run, zip);
                tree = new HashTree(HashTree.FORMAT, Assay.version(),
                        new HashTree.Run(manifest.runId(), manifest.harnessVersion(), files), loaded,
                        images(run), manifest.plugins(),
                        new HashTree.Signer(Ed25519.ALGORITHM, Ed25519.fingerprint(signer.getPublic())));
                byte[] bytes = tree.bytes();
                add(zip, BundleLayout.HASHES, bytes);
                add(zip, BundleLayout.SIGNATURE, (Ed25519.sign(signer.getPrivate(), bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            return tree;
        } catch (IOException e) {
            throw new InputException("cannot write bundle " + out + ": " + e, "check that its folder exists and is writable");
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Copies every file of the run into {@code run/}, hashing the bytes as they are written. */
    private static SortedMap<String, FileHash> addRun(Path run, ZipOutputStream zip) throws IOException {
        SortedMap<String, FileHash> hashes = new TreeMap<>();
        for (String name : FileHash.names(run)) {
            zip.putNextEntry(new ZipEntry(BundleLayout.RUN + name));
            try (InputStream in = Files.newInputStream(run.resolve(name))) {
                hashes.put(name, Digests.copy(in, zip));
            }
            zip.closeEntry();
        }
        return hashes;
    }

    /** The distinct images the run's sandboxed trials recorded, sorted by tag then ID. */
    private static List<HashTree.Image> images(Path run) throws IOException {
        Path trials = run.resolve("trials.jsonl");
        if (!Files.exists(trials)) {
            return List.of();
        }
        TreeSet<HashTree.Image> images = new TreeSet<>(Comparator.comparing(HashTree.Image::tag)
                .thenComparing(HashTree.Image::id));
        TrialLines.read(trials).forEach(line -> line.image().ifPresent(images::add));
        return List.copyOf(images);
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException leftover) {
            // Only a stray .partial file beside the bundle; the error that matters, if any, is already thrown.
        }
    }
}
