package io.assay.cli.plugin;

import io.assay.cli.config.PluginPath;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * A new plugin project, as {@code assay plugin init NAME} writes it: a Maven build against the
 * SPI (kept in the project's {@code lib/}, see {@link SpiRepository}), one reward check named NAME
 * with its services file and a passing test, a README and a .gitignore. {@code mvn verify} builds
 * it, and {@code assay plugins --plugin-dir NAME/target} lists the check.
 *
 * <pre>{@code
 * PluginProject.of("starts-with").writeTo(Path.of("starts-with"));
 * }</pre>
 *
 * @param name the project's folder and artifact name and the check's name, such as {@code starts-with}
 * @param className the prefix of its classes, such as {@code StartsWith}
 * @param packageName the Java package, such as {@code com.example.startswith}
 */
public record PluginProject(String name, String className, String packageName) {
    /** Lower-case words of letters and digits joined by '-': a component name and a Java name once joined. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_NAME_LENGTH = 40;
    private static final String TEMPLATES = "template/";

    /**
     * The project for {@code name}.
     *
     * @throws InputException when the name is not a valid component name, makes an invalid Java
     *         package, or is already the name of a built-in reward check
     */
    public static PluginProject of(String name) {
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw new InputException("invalid plugin name '" + name + "': expected at most " + MAX_NAME_LENGTH
                    + " characters, lower-case words of letters and digits joined by '-', starting with a letter",
                    "for example: assay plugin init starts-with");
        }
        String packageName = "com.example." + name.replace("-", "");
        if (!SourceVersion.isName(packageName)) {
            throw new InputException("invalid plugin name '" + name + "': its Java package " + packageName
                    + " is not a valid Java name (a keyword)", "choose another name, such as " + name + "-check");
        }
        if (Assay.open(PluginPath.bundled()).components().stream()
                .anyMatch(c -> c.kind().equals("reward-check") && c.name().equals(name))) {
            throw new InputException("invalid plugin name '" + name + "': Assay has a built-in reward check of that"
                    + " name, and names must be unique", "choose another name, such as " + name + "-check");
        }
        StringBuilder className = new StringBuilder();
        for (String word : name.split("-")) {
            className.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return new PluginProject(name, className.toString(), packageName);
    }

    /**
     * Creates {@code directory} and writes the project into it.
     *
     * @throws InputException when {@code directory} already exists: nothing is overwritten
     */
    public void writeTo(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw exists(directory);
        }
        Files.createDirectories(absolute.getParent());
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            throw exists(directory);
        }
        Map<String, String> versions = versions();
        Map<String, String> values = Map.of(
                "{{name}}", name,
                "{{Name}}", className,
                "{{package}}", packageName,
                "{{package_path}}", packagePath(),
                "{{assay.version}}", versions.get("assay"),
                "{{junit.version}}", versions.get("junit"));
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path target = absolute.resolve(file.getValue());
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(template(file.getKey()), values), StandardCharsets.UTF_8);
        }
        SpiRepository.write(absolute.resolve("lib"), versions.get("assay"));
    }

    /** Each template and the file it becomes. */
    private Map<String, String> files() {
        String sources = "src/main/java/" + packagePath() + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml.tmpl", "pom.xml");
        files.put("README.md.tmpl", "README.md");
        files.put("gitignore.tmpl", ".gitignore");
        files.put("Plugin.java.tmpl", sources + className + "Plugin.java");
        files.put("CheckFactory.java.tmpl", sources + className + "CheckFactory.java");
        files.put("services.tmpl", "src/main/resources/META-INF/services/io.assay.spi.AssayPlugin");
        files.put("TestCheck.java.tmpl", "src/test/java/" + packagePath() + "/Test" + className + "Check.java");
        return files;
    }

    private String packagePath() {
        return packageName.replace('.', '/');
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }

    private static String template(String name) {
        try (InputStream in = PluginProject.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("the plugin template " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Assay and JUnit versions of this build (versions.properties, filled in by Maven). */
    private static Map<String, String> versions() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PluginProject.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the build");
            }
            properties.load(in);
        }
        return Map.of("assay", properties.getProperty("assay"), "junit", properties.getProperty("junit"));
    }

    private static InputException exists(Path directory) {
        return new InputException(directory + " already exists; assay plugin init writes a new directory and"
                + " overwrites nothing", "choose another name, or another place with --out DIR");
    }
}
