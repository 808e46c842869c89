package io.assay.trust.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One file of a bundle's hash tree: the SHA-256 of its bytes, in lower-case hex, and its size.
 *
 * <pre>{@code
 * SortedMap<String, FileHash> files = FileHash.ofDirectory(Path.of("runs/arith-oracle"));
 * files.get("trials.jsonl");  // FileHash[sha256=3f1c..., size=9120]
 * }</pre>
 *
 * @param sha256 the SHA-256 of the file's bytes
 * @param size its size in bytes
 */
public record FileHash(String sha256, long size) {

    /**
     * Every regular file under {@code directory}, by its path relative to it with {@code /} between
     * names, in name order; a single file is keyed by its own name.
     */
    public static SortedMap<String, FileHash> ofDirectory(Path directory) throws IOException {
        SortedMap<String, FileHash> files = new TreeMap<>();
        for (String name : names(directory)) {
            files.put(name, Digests.of(Files.isRegularFile(directory) ? directory : directory.resolve(name)));
        }
        return files;
    }

    /** The names {@link #ofDirectory} keys {@code directory}'s files by, sorted. */
    static SortedSet<String> names(Path directory) throws IOException {
        SortedSet<String> names = new TreeSet<>();
        if (Files.isRegularFile(directory)) {
            names.add(directory.getFileName().toString());
            return names;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(file -> names.add(directory.relativize(file).toString().replace('\\', '/')));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return names;
    }
}
