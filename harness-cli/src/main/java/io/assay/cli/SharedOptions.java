package io.assay.cli;

import io.assay.cli.config.PluginPath;
import io.assay.launcher.Assay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every subcommand accepts: where extra plugins are, and whether to show stack traces. */
final class SharedOptions {

    @Option(names = "--plugin-dir", paramLabel = "DIR",
            description = "Load plugin jars from DIR (each jar, or each sub-directory of jars, gets its own class loader)."
                    + " Repeatable; replaces ASSAY_PLUGIN_PATH and the config file's plugin_path.")
    List<Path> pluginDirectories = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    /**
     * The engine, with the core's own plugin, the bundled plugins and those in the plugin directories
     * (flags, else environment, else config).
     */
    Assay open() {
        return Assay.open(PluginPath.all(pluginDirectories, System.getenv()));
    }
}
