package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.assay.spi.EnvironmentException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Copies files into and out of one container as tar archives, Docker's own copy format, so the
 * image needs no tools for it. Paths here are absolute paths inside the container.
 */
final class ContainerFiles {
    private final DockerClient docker;
    private final String containerId;

    ContainerFiles(DockerClient docker, String containerId) {
        this.docker = docker;
        this.containerId = containerId;
    }

    /** Writes one file, creating missing parent directories. */
    void write(String path, byte[] content) {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(archive)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(path.substring(1));
            entry.setSize(content.length);
            entry.setMode(0100644);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new EnvironmentException("could not pack " + path + " for the container", e);
        }
        copyIn(archive.toByteArray(), path);
    }

    /**
     * Copies a host directory's contents to {@code target}, keeping executable bits; the target
     * directory must not exist yet.
     */
    void upload(Path directory, String target) {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(archive);
             Stream<Path> walk = Files.walk(directory)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> paths = walk.sorted().toList();
            for (Path path : paths) {
                String relative = directory.relativize(path).toString().replace('\\', '/');
                String name = target.substring(1) + (relative.isEmpty() ? "" : "/" + relative);
                boolean isDirectory = Files.isDirectory(path);
                TarArchiveEntry entry = new TarArchiveEntry(isDirectory ? name + "/" : name);
                if (isDirectory) {
                    entry.setMode(040755);
                    tar.putArchiveEntry(entry);
                } else {
                    entry.setSize(Files.size(path));
                    entry.setMode(Files.isExecutable(path) ? 0100755 : 0100644);
                    tar.putArchiveEntry(entry);
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new EnvironmentException("could not pack " + directory + " for the container", e);
        }
        copyIn(archive.toByteArray(), target);
    }

    /** Reads one regular file; a missing file or a directory is an {@link EnvironmentException} naming the path. */
    byte[] read(String path) {
        return find(path).orElseThrow(() -> new EnvironmentException("no such file in the container: " + path));
    }

    /** Reads one regular file, or nothing when the path does not exist. */
    Optional<byte[]> find(String path) {
        byte[] content;
        try (InputStream stream = docker.copyArchiveFromContainerCmd(containerId, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
            TarArchiveEntry entry = tar.getNextEntry();
            content = entry != null && entry.isFile() ? tar.readAllBytes() : null;
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentException("could not read " + path + " from the container: " + e.getMessage(), e);
        }
        if (content == null) {
            throw new EnvironmentException("not a regular file in the container: " + path);
        }
        return Optional.of(content);
    }

    private void copyIn(byte[] archive, String path) {
        try {
            docker.copyArchiveToContainerCmd(containerId).withRemotePath("/")
                    .withTarInputStream(new ByteArrayInputStream(archive)).exec();
        } catch (RuntimeException e) {
            throw new EnvironmentException("could not copy " + path + " into the container: " + e.getMessage(), e);
        }
    }
}
