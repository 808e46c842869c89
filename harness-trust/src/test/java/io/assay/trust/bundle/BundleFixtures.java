package io.assay.trust.bundle;

import io.assay.launcher.Assay;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Real runs and bundles for the bundle tests: a suite of sums graded {@code exact}, run through the
 * engine by the {@code oracle} on the test class path, bundled with a fresh key; and bundles
 * rewritten entry by entry, as someone tampering with one would.
 *
 * <pre>{@code
 * Path suite = BundleFixtures.suite(temp.resolve("suite"), "a", "b", "c");
 * Path run = BundleFixtures.run(suite, 2, temp.resolve("run"));
 * Path bundle = BundleFixtures.bundle(run, keys, temp.resolve("claim.zip"));
 * }</pre>
 */
final class BundleFixtures {
    static final Assay ASSAY = Assay.open(List.of());

    private BundleFixtures() {
    }

    /** A suite {@code sums} whose task {@code id} asks for {@code id}'s length, in {@code directory}. */
    static Path suite(Path directory, String... ids) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("suite.yaml"), """
                id: sums
                version: "1"
                description: A few sums, for the bundle tests.
                measures: Adding.
                reward: {type: exact}
                """);
        StringBuilder lines = new StringBuilder();
        for (String id : ids) {
            lines.append("{\"id\": \"%s\", \"prompt\": \"Length of %s?\", \"answer\": \"%d\"}\n".formatted(id, id, id.length()));
        }
        Files.writeString(directory.resolve("tasks.jsonl"), lines);
        return directory;
    }

    /** The oracle's run of {@code suite} with {@code epochs} epochs, into {@code out}. */
    static Path run(Path suite, int epochs, Path out) throws Exception {
        ASSAY.start(RunSettings.builder(suite, "oracle").epochs(epochs).out(out).build()).execute(ProgressListener.NONE);
        return out;
    }

    static Path bundle(Path run, KeyPair keys, Path out) {
        BundleWriter.write(ASSAY, run, keys, null, out);
        return out;
    }

    /** The text of the entry {@code name} of {@code zip}. */
    static String entry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return new String(file.getInputStream(file.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A copy of {@code zip} at {@code out} with each entry {@code edits} names changed by its function,
     * and {@code additions} appended.
     */
    static Path rewrite(Path zip, Path out, Map<String, UnaryOperator<String>> edits, Map<String, String> additions)
            throws IOException {
        try (ZipFile source = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(out);
             ZipOutputStream target = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = source.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                UnaryOperator<String> edit = edits.get(entry.getName());
                if (edit != null) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                target.putNextEntry(new ZipEntry(entry.getName()));
                target.write(bytes);
                target.closeEntry();
            }
            for (Map.Entry<String, String> addition : additions.entrySet()) {
                target.putNextEntry(new ZipEntry(addition.getKey()));
                target.write(addition.getValue().getBytes(StandardCharsets.UTF_8));
                target.closeEntry();
            }
        }
        return out;
    }
}
