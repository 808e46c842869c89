package io.assay.trust.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex, of bytes or of a stream read to its end: the one digest bundles use. */
final class Digests {

    private Digests() {
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The file's SHA-256 and size, read once. */
    static FileHash of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream());
        }
    }

    /**
     * Copies what is left in {@code in} to {@code out} and returns its SHA-256 and size: the bytes
     * hashed are the bytes written. Neither stream is closed.
     */
    static FileHash copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest sha = digest();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            sha.update(buffer, 0, read);
            out.write(buffer, 0, read);
            size += read;
        }
        return new FileHash(HexFormat.of().formatHex(sha.digest()), size);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
