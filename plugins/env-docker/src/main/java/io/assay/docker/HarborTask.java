package io.assay.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Harbor (Terminal-Bench 2) task directory: {@code task.toml}, {@code instruction.md},
 * {@code environment/Dockerfile} (unless {@code task.toml} names a {@code docker_image}),
 * {@code tests/test.sh}, optional {@code solution/solve.sh}. {@link HarborTasks#read} parses and
 * validates one; docs/sandbox.md is the reference.
 *
 * <pre>{@code
 * HarborTask task = HarborTasks.read(Path.of("examples/terminal/count-errors"));
 * Duration limit = task.agentTimeout();
 * }</pre>
 *
 * @param id the directory's name
 * @param directory the task directory
 * @param instruction the contents of {@code instruction.md}, what the agent is told
 * @param agentTimeout {@code [agent] timeout_sec}, default 300 s
 * @param verifierTimeout {@code [verifier] timeout_sec}, default 120 s
 * @param buildTimeout {@code [environment] build_timeout_sec}, default 600 s
 * @param cpus {@code [environment] cpus}, default 1
 * @param memoryBytes {@code [environment] memory_mb} or {@code memory} ("4G"), default 2048 MB
 * @param storageBytes {@code [environment] storage_mb} or {@code storage}, 0 when not stated;
 *        recorded only, since Docker's storage limits depend on the host's storage driver
 * @param allowInternet {@code [environment] allow_internet}; false (network mode none) unless set
 * @param dockerImage {@code [environment] docker_image}, a prebuilt image used as found on the machine
 *        (never pulled) instead of building {@code environment/Dockerfile}; empty when not named
 * @param verifierEnv {@code [verifier] env}, passed to {@code test.sh}
 * @param metadata {@code [metadata]}, free-form
 */
public record HarborTask(String id, Path directory, String instruction, Duration agentTimeout, Duration verifierTimeout,
                         Duration buildTimeout, double cpus, long memoryBytes, long storageBytes,
                         boolean allowInternet, Optional<String> dockerImage, Map<String, String> verifierEnv,
                         Map<String, Object> metadata) {

    public HarborTask {
        verifierEnv = Map.copyOf(verifierEnv);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public Path environmentDirectory() {
        return directory.resolve("environment");
    }

    public Path testsDirectory() {
        return directory.resolve("tests");
    }

    public Path solutionDirectory() {
        return directory.resolve("solution");
    }

    public boolean hasSolution() {
        return Files.isRegularFile(solutionDirectory().resolve("solve.sh"));
    }
}
