package io.assay.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.assay.launcher.InputException;
import io.assay.spi.Options;
import io.assay.spi.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user's Assay settings, read from {@code $XDG_CONFIG_HOME/assay/config.toml}, or
 * {@code ~/.config/assay/config.toml} when {@code XDG_CONFIG_HOME} is not set. One key so far:
 *
 * <pre>{@code
 * # directories of plugin jars, loaded by every command (as if given with --plugin-dir)
 * plugin_path = ["~/assay-plugins", "/opt/assay/plugins"]
 * }</pre>
 *
 * <p>A path may start with {@code ~/}; a relative path is relative to the file's own directory.
 * Anything else in the file (an unknown key, a wrong type, a directory that does not exist, bad
 * TOML) is an {@link InputException} naming the file and line, so a typo is never ignored.
 *
 * @param file where the settings were read from
 * @param pluginPath the plugin directories, in the order listed
 */
record ConfigFile(Path file, List<Path> pluginPath) {
    static final String PLUGIN_PATH = "plugin_path";
    private static final String EXAMPLE = "plugin_path = [\"~/assay-plugins\"]";
    private static final String HINT = "docs/getting-started.md describes the config file, for example: " + EXAMPLE;

    /** Where the config file is for this environment, whether or not it exists. */
    static Path location(Map<String, String> environment) {
        String configHome = environment.get("XDG_CONFIG_HOME");
        // The XDG base directory spec says to ignore a relative XDG_CONFIG_HOME.
        Path base = configHome != null && !configHome.isBlank() && Path.of(configHome).isAbsolute()
                ? Path.of(configHome) : home(environment).resolve(".config");
        return base.resolve("assay").resolve("config.toml");
    }

    /** The settings in the config file for this environment; empty when there is no such file. */
    static Optional<ConfigFile> find(Map<String, String> environment) {
        Path file = location(environment);
        return Files.exists(file) ? Optional.of(read(file, environment)) : Optional.empty();
    }

    static Path home(Map<String, String> environment) {
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** {@code ~/x} in the home directory, a relative path against {@code base}. */
    static Path expand(String path, Path base, Map<String, String> environment) {
        if (path.equals("~") || path.startsWith("~/")) {
            return home(environment).resolve(path.substring(Math.min(2, path.length())));
        }
        return base.resolve(path).normalize();
    }

    private static ConfigFile read(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot read the config file " + file + ": " + e.getMessage(), HINT);
        }
        Map<String, Object> values;
        try {
            // Made here, not in a static field: most commands find no config file, and a TOML mapper
            // costs a cold JVM about 20 ms to make.
            values = new TomlMapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw problem(file, location == null ? 0 : location.getLineNr(), "", "invalid TOML: " + e.getOriginalMessage());
        }
        if (values == null) {
            values = Map.of();
        }
        for (String key : values.keySet()) {
            if (!key.equals(PLUGIN_PATH)) {
                throw problem(file, lineOf(text, key), key, "unknown setting; the config file knows only " + PLUGIN_PATH);
            }
        }
        Object listed = values.getOrDefault(PLUGIN_PATH, List.of());
        if (!(listed instanceof List<?> entries) || !entries.stream().allMatch(String.class::isInstance)) {
            throw problem(file, lineOf(text, PLUGIN_PATH), PLUGIN_PATH, "expected a list of directories such as "
                    + EXAMPLE + ", got " + Options.describe(listed));
        }
        List<Path> directories = new ArrayList<>();
        for (Object entry : entries) {
            Path directory = expand((String) entry, file.toAbsolutePath().getParent(), environment);
            if (!Files.isDirectory(directory)) {
                throw problem(file, lineOf(text, PLUGIN_PATH), PLUGIN_PATH, directory
                        + (Files.exists(directory) ? " is not a directory" : " does not exist"));
            }
            directories.add(directory);
        }
        return new ConfigFile(file, List.copyOf(directories));
    }

    private static InputException problem(Path file, int line, String field, String message) {
        return new InputException(new Problem(file, line, field, message).toString(), HINT);
    }

    /**
     * The line a top-level key or table is on. Jackson's TOML parser keeps no locations for a valid
     * document, and the file is flat, so the key's first appearance at the start of a line is it.
     */
    private static int lineOf(String text, String key) {
        Pattern start = Pattern.compile("\\s*(\\[+\\s*)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*[=.\\]]");
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (start.matcher(lines[i]).lookingAt()) {
                return i + 1;
            }
        }
        return 0;
    }
}
