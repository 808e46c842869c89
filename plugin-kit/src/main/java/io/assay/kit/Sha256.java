package io.assay.kit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fresh SHA-256 digest, without the checked exception every Java runtime makes impossible.
 *
 * <pre>{@code
 * byte[] hash = Sha256.digest().digest(bytes);
 * }</pre>
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A new SHA-256 {@link MessageDigest}. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
