package io.assay.trust.bundle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;

/**
 * Ed25519 signatures with the JDK's own provider: key pairs, signing, checking, and a public key's
 * fingerprint (the SHA-256 of its X.509 encoding, in hex), which is how bundles name their signer.
 *
 * <pre>{@code
 * KeyPair keys = Ed25519.generate();
 * String signature = Ed25519.sign(keys.getPrivate(), bytes);
 * boolean valid = Ed25519.verifies(keys.getPublic(), bytes, signature);   // true
 * }</pre>
 */
public final class Ed25519 {
    /** The JDK's name for the algorithm, for key factories and signatures alike. */
    public static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
    }

    /** The Base64 signature of {@code bytes}. */
    public static String sign(PrivateKey key, byte[] bytes) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with the " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} (Base64, surrounding white space ignored) is {@code key}'s over {@code bytes}. */
    public static boolean verifies(PublicKey key, byte[] bytes, String signature) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        try {
            Signature checker = Signature.getInstance(ALGORITHM);
            checker.initVerify(key);
            checker.update(bytes);
            return checker.verify(raw);
        } catch (SignatureException malformed) {
            return false;
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("cannot check with the " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    /** Whether the two keys are one pair: the private key's signature checks with the public one. */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "assay key pair check".getBytes(StandardCharsets.UTF_8);
        return verifies(publicKey, probe, sign(privateKey, probe));
    }

    /** The SHA-256 of the key's X.509 (SubjectPublicKeyInfo) encoding, in lower-case hex. */
    public static String fingerprint(PublicKey key) {
        return Digests.sha256(key.getEncoded());
    }
}
