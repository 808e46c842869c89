package io.assay.cli.plugin;

import io.assay.spi.AssayPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes the SPI this Assay runs with as {@code io.assay:harness-spi:VERSION} into a one-artifact
 * Maven repository (jar, pom and their SHA-1 checksums), so a plugin project compiles against
 * exactly the contract its host provides without anything published or installed.
 *
 * <p>The classes are copied from wherever the running Assay loaded the SPI: its shaded jar, the
 * harness-spi jar, or a build's classes directory. Entries carry a fixed time, so the same SPI
 * gives the same bytes.
 */
final class SpiRepository {
    private static final String SPI_PACKAGE = AssayPlugin.class.getPackageName().replace('.', '/') + "/";
    private static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2026-11-22T00:00:00Z"));

    private SpiRepository() {
    }

    /** Writes the repository under {@code repository}; returns the jar's path. */
    static Path write(Path repository, String version) throws IOException {
        Path folder = repository.resolve("io/assay/harness-spi").resolve(version);
        Files.createDirectories(folder);
        String base = "harness-spi-" + version;
        Path jar = folder.resolve(base + ".jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            writeJar(out, version);
        }
        Path pom = Files.writeString(folder.resolve(base + ".pom"), pom(version), StandardCharsets.UTF_8);
        for (Path file : List.of(jar, pom)) {
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), sha1(file), StandardCharsets.US_ASCII);
        }
        return jar;
    }

    private static void writeJar(OutputStream out, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "Assay SPI");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (JarOutputStream jar = new JarOutputStream(out)) {
            JarEntry manifestEntry = entry(JarFile.MANIFEST_NAME);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            for (Map.Entry<String, byte[]> file : spiFiles().entrySet()) {
                jar.putNextEntry(entry(file.getKey()));
                jar.write(file.getValue());
                jar.closeEntry();
            }
        }
    }

    private static JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(ENTRY_TIME);
        return entry;
    }

    /** Every file of the SPI package by its path in a jar, sorted. */
    private static Map<String, byte[]> spiFiles() throws IOException {
        Path source;
        try {
            source = Path.of(AssayPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SPI's location is not a file path", e);
        }
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> walk = Files.walk(source.resolve(SPI_PACKAGE))) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(source.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (JarEntry entry : jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(SPI_PACKAGE))
                        .toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no SPI classes under " + SPI_PACKAGE + " in " + source);
        }
        return files;
    }

    private static String pom(String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.assay</groupId>
                  <artifactId>harness-spi</artifactId>
                  <version>%s</version>
                  <name>Assay SPI</name>
                  <description>The Assay plugin contract: interfaces and records, JDK only.</description>
                </project>
                """.formatted(version);
    }

    private static String sha1(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }
}
