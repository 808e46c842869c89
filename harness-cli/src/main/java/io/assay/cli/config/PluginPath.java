package io.assay.cli.config;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plugin directories a command loads, from the first of these that is set (the others are
 * then not read): the {@code --plugin-dir} flags, the {@code ASSAY_PLUGIN_PATH} environment
 * variable (directories separated by {@link File#pathSeparator}, {@code :} on Linux and macOS), or
 * {@code plugin_path} in the {@link ConfigFile}. So a directory set up once in the config file
 * serves every command, and a flag still overrides it for one.
 *
 * <pre>{@code
 * List<Path> directories = PluginPath.resolve(flags, System.getenv());
 * }</pre>
 */
public final class PluginPath {
    public static final String VARIABLE = "ASSAY_PLUGIN_PATH";

    private PluginPath() {
    }

    /**
     * The directories every command loads: the distribution's own plugins first
     * ({@link #bundled()}), then those {@link #resolve} finds.
     */
    public static List<Path> all(List<Path> flags, Map<String, String> environment) {
        List<Path> directories = new ArrayList<>(bundled());
        directories.addAll(resolve(flags, environment));
        return directories;
    }

    /**
     * The plugins Assay ships with: {@code plugins/} beside {@code assay.jar}, or beside
     * {@code target/classes} when run from a build (none when neither exists).
     */
    public static List<Path> bundled() {
        return Assay.bundledPluginsBeside(PluginPath.class).stream().toList();
    }

    /**
     * @param flags the {@code --plugin-dir} values, in order
     * @param environment the process environment ({@code ASSAY_PLUGIN_PATH}, {@code XDG_CONFIG_HOME}, {@code HOME})
     * @throws InputException when a listed directory does not exist, or the config file is invalid
     */
    public static List<Path> resolve(List<Path> flags, Map<String, String> environment) {
        if (!flags.isEmpty()) {
            return flags;
        }
        String variable = environment.get(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return fromVariable(variable, environment);
        }
        return ConfigFile.find(environment).map(ConfigFile::pluginPath).orElse(List.of());
    }

    private static List<Path> fromVariable(String variable, Map<String, String> environment) {
        List<Path> directories = new ArrayList<>();
        for (String entry : variable.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue; // a leading, trailing or doubled separator, as PATH tolerates
            }
            Path directory = ConfigFile.expand(entry, Path.of(""), environment);
            if (!Files.isDirectory(directory)) {
                throw new InputException(VARIABLE + " lists " + entry + ", which "
                        + (Files.exists(directory) ? "is not a directory" : "does not exist"),
                        "set " + VARIABLE + " to plugin directories separated by '" + File.pathSeparator
                                + "', or unset it to use the config file's plugin_path");
            }
            directories.add(directory);
        }
        return directories;
    }
}
