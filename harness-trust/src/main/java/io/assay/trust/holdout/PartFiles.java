package io.assay.trust.holdout;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a part that grade its tasks without being one task's own: a declarative part's
 * {@code suite.yaml}, its task file as a whole and the files {@code suite.yaml} names; a Harbor
 * part's {@code suite.toml}; and any other file put into the part. Each gets a salted commitment,
 * so {@code assay holdout verify} notices a changed tolerance, a reordered task file or a new file
 * as surely as a changed task. The salts file is the one file left out: it holds the salt.
 *
 * <pre>{@code
 * PartFiles.commitments(salt, Path.of("split/private"), tasks); // {suite.yaml=sha256:..., tasks.jsonl=sha256:...}
 * }</pre>
 */
final class PartFiles {

    private PartFiles() {
    }

    /**
     * Each such file's path in {@code part} (with {@code /}) and its commitment, {@code sha256} of
     * the salt, the path's UTF-8 bytes, a zero byte and the file's bytes; sorted by path.
     *
     * @throws InputException at a symbolic link or other special file, whose bytes are not the part's own
     */
    static SortedMap<String, String> commitments(byte[] salt, Path part, SuiteTasks tasks) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(part)) {
            files = walk.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        SortedMap<String, String> commitments = new TreeMap<>();
        for (Path file : files) {
            String name = part.relativize(file).toString().replace('\\', '/');
            if (name.equals(PrivateSalts.FILE) || tasks.ownsFile(name)) {
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(file + ": not a regular file", "a part a holdout commits to holds only regular"
                        + " files and directories");
            }
            MessageDigest digest = Commitment.sha256();
            digest.update(salt);
            digest.update((name + "\0").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            commitments.put(name, "sha256:" + HexFormat.of().formatHex(digest.digest()));
        }
        return commitments;
    }
}
