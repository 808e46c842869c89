package io.assay.cli;

import io.assay.cli.plugin.PluginProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay plugin}: work on a plugin of your own. */
@Command(name = "plugin", mixinStandardHelpOptions = true, description = "Starts a plugin project of your own.",
        subcommands = PluginCommand.Init.class,
        footer = {"", "Examples:", "  assay plugin init starts-with"})
final class PluginCommand {

    /** {@code assay plugin init}: writes a new plugin project that builds and passes its test. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Writes a new plugin project that builds and passes its test.",
                    "The project holds one reward check named NAME, its services file and a test, a Maven pom.xml, and"
                            + " the Assay SPI it compiles against in lib/. `mvn verify` builds it; `assay plugins"
                            + " --plugin-dir NAME/target` then lists the check (docs/writing-a-plugin.md)."},
            footer = {"", "Examples:",
                    "  assay plugin init starts-with",
                    "  mvn -B -f starts-with/pom.xml verify",
                    "  assay plugins --plugin-dir starts-with/target",
                    "",
                    "Exit codes: 0 written, 2 bad name or the directory exists (nothing is overwritten)."})
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME",
                description = "The plugin's name, such as starts-with: lower-case words joined by '-'. It names the"
                        + " reward check, the Maven artifact and the directory.")
        String name;

        @Option(names = "--out", paramLabel = "DIR", description = "The directory to create (default: ./NAME).")
        Path out;

        @Override
        public Integer call() throws IOException {
            PluginProject project = PluginProject.of(name);
            Path directory = out != null ? out : Path.of(name);
            project.writeTo(directory);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("Wrote " + directory + ": the " + name + " reward check, its test, and the Assay SPI in lib/.");
            stdout.println("Build it (any Maven 3.6.3 or newer, or ./mvnw in the Assay checkout), then list it:");
            stdout.println("  mvn -B -f " + directory.resolve("pom.xml") + " verify");
            stdout.println("  assay plugins --plugin-dir " + directory.resolve("target"));
            stdout.flush();
            return 0;
        }
    }
}
