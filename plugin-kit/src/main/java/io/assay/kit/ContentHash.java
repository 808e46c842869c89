package io.assay.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A suite's content hash from the files it is read from: each file's path relative to a base
 * folder and its SHA-256, in path order, hashed again. It changes with any byte of any file and
 * not with where the suite lies, which is what resume needs to notice a changed suite.
 *
 * <pre>{@code
 * String hash = ContentHash.of(directory, List.of(tasksFile, policyFile)); // "sha256:3f1c..."
 * }</pre>
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** {@code "sha256:HEX"} over {@code files}, named relative to {@code base}. */
    public static String of(Path base, Collection<Path> files) throws IOException {
        Map<String, Path> byName = new TreeMap<>();
        files.forEach(file -> byName.put(base.relativize(file).toString().replace('\\', '/'), file));
        MessageDigest digest = Sha256.digest();
        for (Map.Entry<String, Path> entry : byName.entrySet()) {
            digest.update((entry.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
            MessageDigest content = Sha256.digest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(entry.getValue()), content)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            digest.update(content.digest());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
