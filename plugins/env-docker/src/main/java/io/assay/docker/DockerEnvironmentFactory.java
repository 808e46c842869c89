package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RunInfo;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code environment: {type: docker, suite_dir: DIR, warm_pool: 2, allow_internet: false}}: each
 * trial of a Harbor suite runs in a fresh container of its task's image (built from its
 * {@code environment/Dockerfile}, or the prebuilt {@code docker_image} it names), with no network
 * unless the task allows the internet or {@code allow_internet: true} ({@code assay run
 * --allow-internet}) allows it for every task, the task's CPU and memory limits, and its time limits.
 *
 * <p>Creating it needs a reachable Docker engine ({@link DockerEngine}), and first removes
 * containers that JVMs which died mid-run left behind ({@link ContainerSweeper}). Validating it
 * checks the options only, so {@code assay suites validate} works on a machine without Docker.
 */
public final class DockerEnvironmentFactory implements EnvironmentFactory {

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String description() {
        return "a fresh Docker container per trial for Harbor task directories (options: suite_dir, warm_pool,"
                + " allow_internet)";
    }

    /** Checks the options without contacting Docker. */
    @Override
    public void validate(Options options) {
        settings(options);
    }

    /** @throws io.assay.spi.EnvironmentException when no Docker engine is reachable */
    @Override
    public Environment create(Options options) {
        return create(options, null);
    }

    /** Containers of a run carry its id in the label {@code assay.run}. */
    @Override
    public Environment create(Options options, RunInfo run) {
        Settings settings = settings(options);
        DockerClient docker = DockerEngine.client();
        ContainerSweeper.sweep(docker, false);
        return new DockerEnvironment(docker,
                id -> HarborTasks.read(HarborTasks.taskDirectory(settings.suiteDir(), id)), settings.warmPool(),
                settings.allowInternet(), run == null ? "none" : run.id());
    }

    private record Settings(Path suiteDir, int warmPool, boolean allowInternet) {
    }

    private static Settings settings(Options options) {
        options.allowOnly("type", "suite_dir", "warm_pool", "allow_internet");
        Path suiteDir = suiteDirectory(options);
        int warmPool = options.integer("warm_pool", 2);
        if (warmPool < 0) {
            throw new InvalidOptionException(options.field("warm_pool"),
                    "expected a whole number of containers, 0 or more, got " + warmPool);
        }
        return new Settings(suiteDir, warmPool, options.bool("allow_internet", false));
    }

    private static Path suiteDirectory(Options options) {
        String field = options.field("suite_dir");
        Path directory;
        try {
            directory = Path.of(options.string("suite_dir")).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new InvalidOptionException(field, "expected the Harbor suite directory: " + e.getMessage());
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidOptionException(field, "expected the Harbor suite directory, but " + directory
                    + (Files.exists(directory) ? " is not a directory" : " does not exist"));
        }
        return directory;
    }
}
