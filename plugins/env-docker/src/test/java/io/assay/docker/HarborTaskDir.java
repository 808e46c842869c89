package io.assay.docker;

import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.testkit.TaskBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Writes a small Harbor task directory for tests, with images built FROM the local busybox image. */
final class HarborTaskDir {
    static final String DOCKERFILE = "FROM " + DockerRequirement.BASE_IMAGE + "\n";
    static final String PASS = "echo 1 > /logs/verifier/reward.txt\n";

    private final Path suite;
    private final String id;
    private String toml = "[agent]\ntimeout_sec = 60\n[verifier]\ntimeout_sec = 30\n[environment]\nmemory_mb = 256\n";
    private String dockerfile = DOCKERFILE;
    private String testScript = PASS;
    private String solveScript;

    private HarborTaskDir(Path suite, String id) {
        this.suite = suite;
        this.id = id;
    }

    static HarborTaskDir in(Path suite, String id) {
        return new HarborTaskDir(suite, id);
    }

    HarborTaskDir toml(String text) {
        this.toml = text;
        return this;
    }

    HarborTaskDir dockerfile(String text) {
        this.dockerfile = text;
        return this;
    }

    /** Writes no {@code environment/} directory, as for a task that names a prebuilt {@code docker_image}. */
    HarborTaskDir withoutEnvironment() {
        this.dockerfile = null;
        return this;
    }

    HarborTaskDir test(String script) {
        this.testScript = script;
        return this;
    }

    HarborTaskDir solve(String script) {
        this.solveScript = script;
        return this;
    }

    /** Writes the directory and returns the task the suite loader would make of it. */
    Task write() {
        Path dir = suite.resolve(id);
        write(dir.resolve("task.toml"), toml);
        write(dir.resolve("instruction.md"), "Do the task " + id + ".\n");
        if (dockerfile != null) {
            write(dir.resolve("environment/Dockerfile"), dockerfile);
        }
        write(dir.resolve("tests/test.sh"), testScript);
        if (solveScript != null) {
            write(dir.resolve("solution/solve.sh"), solveScript);
        }
        return TaskBuilder.task(id).prompt("Do the task " + id + ".").build();
    }

    /** The environment spec the suite loader gives a Harbor suite. */
    static Options environment(Path suite, int warmPool) {
        return Options.of(Map.of("type", "docker", "suite_dir", suite.toString(), "warm_pool", warmPool));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            if (file.toString().endsWith(".sh")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
