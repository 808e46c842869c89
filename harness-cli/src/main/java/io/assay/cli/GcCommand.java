package io.assay.cli;

import io.assay.cli.config.PluginPath;
import io.assay.core.InputException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay gc}: removes sandbox containers that runs killed before they could clean up. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Removes the sandbox containers that stopped runs left behind.",
                "Removes every container labelled assay.managed=true whose owning assay process is no longer running"
                        + " (a killed JVM, a crashed machine). Containers of runs still in progress are kept. Each run also"
                        + " sweeps at start-up."},
        footer = {"", "Examples:", "  assay gc"})
final class GcCommand implements Callable<Integer> {
    private static final String DOCKER_PLUGIN = "env-docker.jar";

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() throws Exception {
        int removed = sweep();
        spec.commandLine().getOut().println("removed " + removed + " container" + (removed == 1 ? "" : "s")
                + " left behind by assay runs that are no longer running");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Calls env-docker's {@code ContainerSweeper.sweep(true)} in the bundled env-docker jar: the
     * command line no longer has the plugin's classes (each bundled plugin loads from its own jar).
     * Interim, until container clean-up reaches plugins through the SPI (issue 12).
     */
    private static int sweep() throws Exception {
        Path jar = PluginPath.bundled().stream().map(folder -> folder.resolve(DOCKER_PLUGIN))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new InputException("no " + DOCKER_PLUGIN + " among the bundled plugins",
                        "reinstall Assay, or rebuild it with ./mvnw -B -DskipTests package"));
        try (URLClassLoader docker = new URLClassLoader(DOCKER_PLUGIN, new URL[] {jar.toUri().toURL()},
                GcCommand.class.getClassLoader())) {
            return (int) docker.loadClass("io.assay.docker.ContainerSweeper").getMethod("sweep", boolean.class)
                    .invoke(null, true);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
