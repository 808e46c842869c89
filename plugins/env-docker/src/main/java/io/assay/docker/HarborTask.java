package io.assay.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One Harbor (Terminal-Bench 2) task directory: {@code task.toml}, {@code instruction.md},
 * {@code environment/Dockerfile}, {@code tests/test.sh}, optional {@code solution/solve.sh}.
 *
 * @param id the directory's name
 * @param directory the task directory
 * @param instruction the contents of {@code instruction.md}, what the agent is told
 * @param agentTimeout {@code [agent] timeout_sec}
 * @param verifierTimeout {@code [verifier] timeout_sec}
 * @param cpus {@code [environment] cpus}
 * @param memoryBytes {@code [environment] memory_mb} or {@code memory} ("4G")
 * @param allowInternet {@code [environment] allow_internet}; false (network mode none) unless set
 * @param verifierEnv {@code [verifier] env}, passed to {@code test.sh}
 * @param metadata {@code [metadata]}, free-form
 */
public record HarborTask(String id, Path directory, String instruction, Duration agentTimeout, Duration verifierTimeout,
                         double cpus, long memoryBytes, boolean allowInternet, Map<String, String> verifierEnv,
                         Map<String, Object> metadata) {

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
