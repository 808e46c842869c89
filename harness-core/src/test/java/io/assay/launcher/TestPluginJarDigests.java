package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPluginJarDigests {
    @TempDir
    Path directory;

    @BeforeEach
    void unixFileSystem() throws Exception {
        // Elsewhere the cache is never used (no inodes or status-change times): every jar is hashed.
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "a Unix file system");
    }

    private Path jar(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content);
    }

    private PluginJarDigests digests(Duration settled) {
        return new PluginJarDigests(directory.resolve("cache").resolve("plugin-jars.tsv"), settled);
    }

    @Test
    void aJarHashedByAnEarlierCommandIsNotReadAgain() throws Exception {
        Path jar = jar("plugin.jar", "the plugin's bytes");
        PluginJarDigests first = digests(Duration.ZERO);
        assertThat(first.digest(jar)).isEqualTo(Manifest.PluginJar.of(jar));
        first.save();
        // What the cache holds, not the jar's bytes, is what a later command returns while the jar is
        // unchanged: put a different digest in for the jar's present status, and that one comes back.
        Path cache = directory.resolve("cache").resolve("plugin-jars.tsv");
        String planted = "ab".repeat(32);
        Files.writeString(cache, Files.readString(cache).replaceFirst("^[0-9a-f]{64}", planted));

        assertThat(Manifest.PluginJar.hashing(List.of(jar), digests(Duration.ZERO)).get())
                .containsExactly(new Manifest.PluginJar(jar.toAbsolutePath().toString(), planted));
    }

    @Test
    void aJarRewrittenWithItsSizeAndModificationTimeKeptIsHashedAgain() throws Exception {
        Path jar = jar("plugin.jar", "version one");
        PluginJarDigests first = digests(Duration.ZERO);
        String versionOne = first.digest(jar).sha256();
        first.save();
        FileTime modified = Files.getLastModifiedTime(jar);
        Thread.sleep(1100); // past the file system's clock tick (a second on some), so the status-change time moves
        Files.writeString(jar, "version two");
        Files.setLastModifiedTime(jar, modified);

        String versionTwo = digests(Duration.ZERO).digest(jar).sha256();
        assertThat(versionTwo).isEqualTo(Manifest.PluginJar.of(jar).sha256()).isNotEqualTo(versionOne);
    }

    @Test
    void aCacheFileOthersMayWriteIsNotRead() throws Exception {
        Path jar = jar("plugin.jar", "the plugin's bytes");
        PluginJarDigests first = digests(Duration.ZERO);
        first.digest(jar);
        first.save();
        Path cache = directory.resolve("cache").resolve("plugin-jars.tsv");
        String planted = "ab".repeat(32);
        Files.writeString(cache, Files.readString(cache).replaceFirst("^[0-9a-f]{64}", planted));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(digests(Duration.ZERO).digest(jar)).isEqualTo(Manifest.PluginJar.of(jar));
    }

    @Test
    void aJarJustWrittenIsNotRemembered() throws Exception {
        Path jar = jar("fresh.jar", "written a moment ago");
        PluginJarDigests digests = digests(Duration.ofMinutes(5));
        digests.digest(jar);
        digests.save();

        assertThat(directory.resolve("cache").resolve("plugin-jars.tsv")).doesNotExist();
    }

    @Test
    void anUnreadableCacheIsIgnoredAndRewritten() throws Exception {
        Path jar = jar("plugin.jar", "the plugin's bytes");
        Path cache = directory.resolve("cache").resolve("plugin-jars.tsv");
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "not\ta cache\n" + "zz".repeat(32) + "\t1\t2\t3\t4\t5\t" + jar.toAbsolutePath() + "\n");

        PluginJarDigests digests = digests(Duration.ZERO);
        assertThat(digests.digest(jar)).isEqualTo(Manifest.PluginJar.of(jar));
        digests.save();
        assertThat(Files.readString(cache)).startsWith(Manifest.PluginJar.of(jar).sha256() + "\t").doesNotContain("not\ta cache");
    }
}
