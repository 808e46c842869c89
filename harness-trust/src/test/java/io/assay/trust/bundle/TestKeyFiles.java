package io.assay.trust.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files: PEM both ways, the private one for its owner alone, never overwritten, and bad files named. */
class TestKeyFiles {

    @TempDir
    Path temp;

    @Test
    void aGeneratedPairReadsBackAndSignsAndChecks() throws Exception {
        Path file = temp.resolve("signing.pem");

        KeyPair keys = KeyFiles.generate(file);

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(temp.resolve("signing.pem.pub"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(KeyFiles.readPublic(temp.resolve("signing.pem.pub"))).isEqualTo(keys.getPublic());
        assertThat(Ed25519.matches(KeyFiles.readPrivate(file), keys.getPublic())).isTrue();
        assertThat(Ed25519.matches(KeyFiles.readPrivate(file), Ed25519.generate().getPublic())).isFalse();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingPrivateOrPublicKeyFileIsNeverOverwritten() throws Exception {
        Path file = temp.resolve("signing.pem");
        Files.writeString(temp.resolve("signing.pem.pub"), "old public key");

        assertThatThrownBy(() -> KeyFiles.generate(file)).isInstanceOf(InputException.class)
                .hasMessage(temp.resolve("signing.pem.pub") + " already exists; a key file is never overwritten");
        assertThat(file).doesNotExist();
        assertThat(temp.resolve("signing.pem.pub")).hasContent("old public key");
    }

    @Test
    void aFileThatIsNotAPublicKeyIsNamedWithWhatItLacks() throws Exception {
        Path file = temp.resolve("signing.pem");
        KeyFiles.generate(file);
        Path garbled = Files.writeString(temp.resolve("garbled.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        assertThatThrownBy(() -> KeyFiles.readPublic(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": not an Ed25519 public key in PEM: no -----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY----- block");
        assertThatThrownBy(() -> KeyFiles.readPublic(garbled)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(garbled + ": not an Ed25519 public key in PEM: ");
        assertThatThrownBy(() -> KeyFiles.readPublic(temp.resolve("missing.pub"))).isInstanceOf(InputException.class)
                .hasMessage(temp.resolve("missing.pub") + ": no such file");
    }
}
