package io.assay.trust.bundle;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;

/**
 * Ed25519 key files in PEM: the private key as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), readable
 * by its owner alone where the file system has POSIX permissions, and the public key beside it, with
 * {@code .pub} appended, as X.509 SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}). OpenSSL
 * reads both ({@code openssl pkey -in FILE.pub -pubin -text}).
 *
 * <pre>{@code
 * KeyPair keys = KeyFiles.generate(Path.of("signing.pem"));   // signing.pem, signing.pem.pub
 * PublicKey key = KeyFiles.readPublic(Path.of("signing.pem.pub"));
 * }</pre>
 */
public final class KeyFiles {
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final String GENERATE_HINT = "make a key pair with: assay keys generate --out FILE";

    private KeyFiles() {
    }

    /** Where the public key of the private key file {@code privateKey} is written. */
    public static Path publicKeyFile(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /**
     * Writes a new key pair to {@code privateKey} and {@link #publicKeyFile}.
     *
     * @throws InputException when either file exists (a key is never overwritten) or cannot be written
     */
    public static KeyPair generate(Path privateKey) {
        Path publicKey = publicKeyFile(privateKey);
        for (Path file : new Path[] {privateKey, publicKey}) {
            if (Files.exists(file)) {
                throw new InputException(file + " already exists; a key file is never overwritten",
                        "choose another --out, or remove the old key pair if nothing it signed needs it");
            }
        }
        KeyPair keys = Ed25519.generate();
        write(privateKey, pem(PRIVATE, keys.getPrivate().getEncoded()), true);
        write(publicKey, pem(PUBLIC, keys.getPublic().getEncoded()), false);
        return keys;
    }

    /**
     * The private key in {@code file}.
     *
     * @throws InputException when the file is missing or holds no Ed25519 private key in PEM
     */
    public static PrivateKey readPrivate(Path file) {
        byte[] encoded = decode(file, PRIVATE);
        try {
            return KeyFactory.getInstance(Ed25519.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw notAKey(file, PRIVATE, e.getMessage());
        }
    }

    /**
     * The public key in {@code file}.
     *
     * @throws InputException when the file is missing or holds no Ed25519 public key in PEM
     */
    public static PublicKey readPublic(Path file) {
        byte[] encoded = decode(file, PUBLIC);
        try {
            return KeyFactory.getInstance(Ed25519.ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw notAKey(file, PUBLIC, e.getMessage());
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file", GENERATE_HINT);
        } catch (IOException | UncheckedIOException e) {
            throw notAKey(file, label, "unreadable (" + e.getMessage() + ")");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw notAKey(file, label, "no " + begin + " ... " + end + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw notAKey(file, label, "the block is not Base64 (" + e.getMessage() + ")");
        }
    }

    private static InputException notAKey(Path file, String label, String why) {
        return new InputException(file + ": not an Ed25519 " + label.toLowerCase(Locale.ROOT) + " in PEM: " + why,
                GENERATE_HINT + " (the private key is FILE, the public key FILE.pub)");
    }

    private static void write(Path file, String text, boolean ownerOnly) {
        try {
            FileAttribute<?>[] attributes = ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(file, attributes); // Fails rather than replaces, should the file appear meanwhile.
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new InputException(file + " already exists; a key file is never overwritten", "choose another --out");
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e, "check that its folder exists and is writable");
        }
    }
}
