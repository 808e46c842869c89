package io.assay.trust.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a bundle holds, read the one way both {@code assay verify} and {@code assay replicate} read it:
 * through the zip's central directory, after checking that no bytes lie before, between or under its
 * entries ({@link ZipLayout}). {@code hashes.json} is read first and only the run files it names are
 * unpacked, each stopped at its signed size, so a bundle cannot fill the disk with what nobody signed.
 *
 * <pre>{@code
 * BundleContents contents = BundleContents.unpack(Path.of("claim.zip"), work);
 * contents.failures(); // empty when every entry unpacked as signed
 * }</pre>
 *
 * @param hashes the bytes of {@code hashes.json}, or {@code null} when the bundle has none
 * @param signature the text of {@code signature}, or {@code null} when the bundle has none
 * @param tree {@code hashes.json} read, or {@code null} when it is missing or does not read
 * @param treeProblem why {@code hashes.json} does not read, or {@code null}
 * @param runFiles each run file unpacked, by its entry name ({@code run/...}), hashed as it was written
 * @param unsigned the entries under {@code run/} that {@code hashes.json} does not name, left packed
 * @param failures the layout's and each entry's failures, named
 */
record BundleContents(byte[] hashes, String signature, HashTree tree, String treeProblem,
                      SortedMap<String, FileHash> runFiles, List<String> unsigned, List<Failure> failures) {
    /** The most {@code hashes.json} may hold; a tree of a run of 100,000 files is well under it. */
    static final int MAX_HASHES = 64 << 20;
    private static final int MAX_SIGNATURE = 1 << 10;

    /**
     * Unpacks the signed run files of {@code bundle} into {@code work}.
     *
     * @throws java.util.zip.ZipException or {@link java.io.EOFException} when it is not a readable zip
     */
    static BundleContents unpack(Path bundle, Path work) throws IOException {
        List<Failure> failures = new ArrayList<>();
        for (String problem : ZipLayout.problems(bundle)) {
            failures.add(new Failure(bundle.toString(), 0, "layout", "entries back to back from the first byte to the"
                    + " central directory, as assay bundle writes them (" + problem + ")"));
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            byte[] hashes = read(zip, BundleLayout.HASHES, MAX_HASHES, failures);
            byte[] signature = read(zip, BundleLayout.SIGNATURE, MAX_SIGNATURE, failures);
            HashTree tree = null;
            String treeProblem = null;
            if (hashes != null) {
                try {
                    tree = HashTree.parse(hashes);
                } catch (IOException e) {
                    treeProblem = e.getMessage().lines().findFirst().orElse("");
                }
            }
            SortedMap<String, FileHash> runFiles = new TreeMap<>();
            List<String> unsigned = new ArrayList<>();
            Set<String> names = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!names.add(name)) {
                    failures.add(new Failure(name, 0, "entry", "once in the bundle (the zip holds it more than once)"));
                } else if (name.startsWith(BundleLayout.RUN) && !entry.isDirectory()) {
                    FileHash signed = tree == null ? null : tree.run().files().get(name.substring(BundleLayout.RUN.length()));
                    if (signed == null) {
                        unsigned.add(name);
                    } else {
                        unpackRunFile(zip, entry, signed, work, failures).ifPresent(hash -> runFiles.put(name, hash));
                    }
                } else if (!entry.isDirectory() && !name.equals(BundleLayout.HASHES) && !name.equals(BundleLayout.SIGNATURE)) {
                    failures.add(new Failure(name, 0, "entry", "only run/, " + BundleLayout.HASHES + " and "
                            + BundleLayout.SIGNATURE + " in a bundle (this entry was added: nothing signed names it)"));
                }
            }
            return new BundleContents(hashes, signature == null ? null : new String(signature, StandardCharsets.US_ASCII),
                    tree, treeProblem, runFiles, unsigned, failures);
        }
    }

    /** A top-level entry's bytes, up to {@code limit}; {@code null} when it is absent or larger (a failure). */
    private static byte[] read(ZipFile zip, String name, int limit, List<Failure> failures) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                failures.add(new Failure(name, 0, "size", "at most " + limit + " bytes (it holds more; not read)"));
                return null;
            }
            return bytes;
        }
    }

    /** Unpacks one signed run file, stopping one byte past its signed size; empty when it failed (named). */
    private static Optional<FileHash> unpackRunFile(ZipFile zip, ZipEntry entry, FileHash signed, Path work,
                                                              List<Failure> failures) {
        String name = entry.getName();
        Path target = work.resolve(name.substring(BundleLayout.RUN.length())).normalize();
        if (!target.startsWith(work) || target.equals(work)) {
            failures.add(new Failure(name, 0, "entry", "a path inside run/ (it escapes the run folder; not unpacked)"));
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Files.createDirectories(target.getParent());
            FileHash written;
            try (OutputStream out = Files.newOutputStream(target)) {
                written = Digests.copy(new LimitedInput(in, signed.size() + 1), out);
            }
            if (written.size() > signed.size()) {
                Files.delete(target);
                failures.add(new Failure(name, 0, "size", signed.size() + " bytes, as signed (it holds more; unpacking"
                        + " stopped there)"));
                return Optional.empty();
            }
            return Optional.of(written);
        } catch (IOException e) {
            failures.add(new Failure(name, 0, "entry", "an entry that unpacks (" + e + ")"));
            return Optional.empty();
        }
    }

    /** The names that failed to unpack or were not signed: present in the zip, so not "missing". */
    Set<String> rejected() {
        Set<String> rejected = new HashSet<>(unsigned);
        failures.forEach(failure -> rejected.add(failure.file()));
        return rejected;
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class LimitedInput extends InputStream {
        private final InputStream in;
        private long left;

        LimitedInput(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read();
            left -= read < 0 ? 0 : 1;
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            left -= Math.max(read, 0);
            return read;
        }
    }
}
