package io.assay.trust.holdout;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Copying and digesting a file or a directory tree, byte for byte. */
final class Tree {

    private Tree() {
    }

    /** Copies {@code from} (a file, or a directory with everything in it) to {@code to}, keeping permissions. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Removes {@code root} and everything in it; nothing when it does not exist. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Feeds every file under {@code root} to {@code digest}, in the order of their paths relative to
     * it (with {@code /}): each path's UTF-8 length and bytes, then the file's length and bytes,
     * lengths as 8-byte big-endian numbers, so no two different trees give the same input.
     *
     * @throws InputException at a symbolic link or other special file, whose bytes are not the task's own
     */
    static void digest(Path root, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        List<Path> ordered = files.stream().sorted((a, b) -> name(root, a).compareTo(name(root, b))).toList();
        for (Path file : ordered) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(file + ": not a regular file", "a task directory a holdout commits to holds"
                        + " only regular files and directories");
            }
            byte[] name = name(root, file).getBytes(StandardCharsets.UTF_8);
            digest.update(length(name.length));
            digest.update(name);
            digest.update(length(Files.size(file)));
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
        }
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static byte[] length(long length) {
        return ByteBuffer.allocate(Long.BYTES).putLong(length).array();
    }
}
