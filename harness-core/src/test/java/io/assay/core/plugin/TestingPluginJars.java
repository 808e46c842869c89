package io.assay.core.plugin;

import io.assay.spi.AssayPlugin;
import java.io.IOException;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds small plugin jars at test time: compiles Java sources against the SPI on the test class
 * path and packages them, with a services file and an optional Implementation-Version.
 *
 * <pre>{@code
 * Path jar = TestingPluginJars.jar(dir.resolve("echo.jar"))
 *         .source("com.a.EchoPlugin", TestingPluginJars.agentPlugin("com.a.EchoPlugin", "echo"))
 *         .service("com.a.EchoPlugin")
 *         .write();
 * }</pre>
 */
final class TestingPluginJars {

    private TestingPluginJars() {
    }

    static Builder jar(Path file) {
        return new Builder(file);
    }

    /** Source of a plugin class with one agent per name; each agent answers its own name. */
    static String agentPlugin(String className, String... agentNames) {
        int dot = className.lastIndexOf('.');
        String agents = Arrays.stream(agentNames).map(name -> "agent(\"" + name + "\")")
                .collect(Collectors.joining(", "));
        return """
                package %s;

                import io.assay.spi.*;
                import java.util.List;

                public final class %s implements AssayPlugin {
                    @Override
                    public List<AgentFactory> agents() {
                        return List.of(%s);
                    }

                    private static AgentFactory agent(String name) {
                        return new AgentFactory() {
                            public String name() { return name; }
                            public Agent create(Options options) { return input -> AgentOutput.of(name); }
                        };
                    }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), agents);
    }

    /** One jar under construction. */
    static final class Builder {
        private final Path file;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final List<String> services = new ArrayList<>();
        private final List<Path> classpath = new ArrayList<>();
        private String version;

        private Builder(Path file) {
            this.file = file;
        }

        /** A class to compile into the jar, by fully qualified name. */
        Builder source(String className, String code) {
            sources.put(className, code);
            return this;
        }

        /** A line of {@code META-INF/services/io.assay.spi.AssayPlugin}; nothing need exist by that name. */
        Builder service(String line) {
            services.add(line);
            return this;
        }

        /** The manifest's Implementation-Version. */
        Builder version(String implementationVersion) {
            version = implementationVersion;
            return this;
        }

        /** A jar the sources compile against, besides the SPI. */
        Builder classpath(Path jar) {
            classpath.add(jar);
            return this;
        }

        Path write() throws IOException {
            Path work = Files.createTempDirectory("assay-test-plugin");
            try {
                Path classes = Files.createDirectories(work.resolve("classes"));
                compile(work.resolve("src"), classes);
                pack(classes);
                return file;
            } finally {
                deleteRecursively(work);
            }
        }

        private void compile(Path sourceRoot, Path classes) throws IOException {
            if (sources.isEmpty()) {
                return;
            }
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path path = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(path.getParent());
                files.add(Files.writeString(path, source.getValue()));
            }
            List<String> options = List.of("-proc:none", "-d", classes.toString(),
                    "-classpath", Stream.concat(Stream.of(spiLocation()), classpath.stream())
                            .map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
                boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromPaths(files)).call();
                if (!compiled) {
                    throw new AssertionError("test plugin sources do not compile: " + diagnostics.getDiagnostics());
                }
            }
        }

        private void pack(Path classes) throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (version != null) {
                manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), manifest);
                 Stream<Path> compiled = Files.walk(classes)) {
                for (Path path : compiled.filter(Files::isRegularFile).sorted().toList()) {
                    add(jar, classes.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
                if (!services.isEmpty()) {
                    add(jar, "META-INF/services/" + AssayPlugin.class.getName(),
                            (String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
            jar.putNextEntry(new JarEntry(name));
            jar.write(content);
            jar.closeEntry();
        }
    }

    private static Path spiLocation() {
        try {
            return Path.of(AssayPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
