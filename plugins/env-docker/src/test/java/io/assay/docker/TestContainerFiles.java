package io.assay.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.assay.spi.EnvironmentException;
import io.assay.spi.Task;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files copied with a shell in the container ({@link ShellCopy}) end up exactly as Docker's
 * archive copy leaves them, and an image that lacks the tools still gets its files by archive.
 */
@ExtendWith(DockerRequirement.class)
class TestContainerFiles {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    static Path suite;
    private static DockerEnvironment environment;
    private static Task box;
    private static Task noShell;

    @BeforeAll
    static void start() {
        box = HarborTaskDir.in(suite, "box").write();
        // Busybox's shell runs its own cat, so only an image without sh lacks the tools.
        noShell = HarborTaskDir.in(suite, "no-shell").dockerfile(HarborTaskDir.DOCKERFILE + "RUN rm /bin/sh\n").write();
        environment = (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(suite, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        environment.close();
    }

    /** Every byte value, and more than one exec argument's worth, so escapes and chunk joins are exercised. */
    private static byte[] everyByte() {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7 + i / 256);
        }
        return content;
    }

    private static byte[] byArchive(String containerId, String path) throws Exception {
        DockerClient docker = ContainerChecks.docker();
        try (InputStream stream = docker.copyArchiveFromContainerCmd(containerId, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
            tar.getNextEntry();
            return tar.readAllBytes();
        }
    }

    @Test
    void aFileWrittenByShellHoldsEveryByteAndIsRootsWithMode644() throws Exception {
        byte[] content = everyByte();
        try (ContainerSession session = environment.start(box, 0)) {
            ContainerFiles files = new ContainerFiles(ContainerChecks.docker(), session.containerId());
            files.write("/app/new/deep/data.bin", content);
            files.write("/app/empty.txt", new byte[0]);

            assertThat(byArchive(session.containerId(), "/app/new/deep/data.bin")).isEqualTo(content);
            assertThat(files.find("/app/new/deep/data.bin")).hasValue(content);
            assertThat(files.find("/app/empty.txt")).hasValue(new byte[0]);
            assertThat(session.run("stat -c '%a %u' /app/new/deep/data.bin /app/new", TEN_SECONDS).stdout())
                    .isEqualTo("644 0\n755 0\n");
        }
    }

    @Test
    void aWriteReplacesASymbolicLinkRatherThanWritingThroughIt() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            session.run("echo kept > /tmp/target && ln -s /tmp/target /app/link", TEN_SECONDS);
            session.writeFile("/app/link", "new\n".getBytes(UTF_8));

            assertThat(session.run("cat /tmp/target; [ -h /app/link ] || echo replaced", TEN_SECONDS).stdout())
                    .isEqualTo("kept\nreplaced\n");
        }
    }

    @Test
    void anUploadKeepsTheTreeAndExecutableBits(@TempDir Path directory) throws Exception {
        Files.createDirectories(directory.resolve("sub/dir"));
        Files.writeString(directory.resolve("sub/dir/data.txt"), "50% \\n 'quoted' $HOME\n");
        Path script = Files.writeString(directory.resolve("run.sh"), "#!/bin/sh\necho ran\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ContainerSession session = environment.start(box, 0)) {
            new ContainerFiles(ContainerChecks.docker(), session.containerId()).upload(directory, "/staged");

            assertThat(session.run("stat -c '%a %n' /staged /staged/run.sh /staged/sub/dir /staged/sub/dir/data.txt"
                    + " && /staged/run.sh && cat /staged/sub/dir/data.txt", TEN_SECONDS).stdout())
                    .isEqualTo("755 /staged\n755 /staged/run.sh\n755 /staged/sub/dir\n644 /staged/sub/dir/data.txt\n"
                            + "ran\n50% \\n 'quoted' $HOME\n");
        }
    }

    @Test
    void readsNothingAtAMissingPathAndRefusesDirectoriesAndLinks() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            session.run("ln -s /etc/passwd /app/link", TEN_SECONDS);
            ContainerFiles files = new ContainerFiles(ContainerChecks.docker(), session.containerId());

            assertThat(files.find("/app/missing.txt")).isEqualTo(Optional.empty());
            assertThatThrownBy(() -> files.find("/app")).isInstanceOf(EnvironmentException.class)
                    .hasMessage("not a regular file in the container: /app");
            assertThatThrownBy(() -> files.find("/app/link")).isInstanceOf(EnvironmentException.class)
                    .hasMessage("not a regular file in the container: /app/link");
        }
    }

    @Test
    void anImageWithoutTheToolsGetsItsFilesByArchive() throws Exception {
        try (ContainerSession session = environment.start(noShell, 0)) {
            ContainerFiles files = new ContainerFiles(ContainerChecks.docker(), session.containerId());
            files.write("/app/a.txt", "by archive\n".getBytes(UTF_8));

            assertThat(new ShellCopy(ContainerChecks.docker(), session.containerId()).read("/app/a.txt")).isNull();
            assertThat(files.find("/app/a.txt")).hasValue("by archive\n".getBytes(UTF_8));
            assertThat(files.find("/app/missing.txt")).isEqualTo(Optional.empty());
        }
    }

    @Test
    void formatsCutBetweenEscapesAndPrintTheContentBack() {
        byte[] content = everyByte();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        for (String chunk : ShellCopy.formats(content)) {
            assertThat(chunk.length()).isLessThanOrEqualTo(100_000);
            assertThat(chunk).doesNotContain("%").doesNotStartWith("-");
            printed.writeBytes(printed(chunk)); // Each chunk is printed by its own printf.
        }
        assertThat(printed.toByteArray()).isEqualTo(content);
    }

    /** What printf prints for a format of plain characters and three-digit octal escapes. */
    private static byte[] printed(String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\') {
                out.write(Integer.parseInt(format.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
