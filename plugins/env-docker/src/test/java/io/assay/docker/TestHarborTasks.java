package io.assay.docker;

import static io.assay.docker.HarborFixtures.task;
import static io.assay.docker.HarborFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestHarborTasks {
    private static final long MB = 1024L * 1024;
    private static final String ENVIRONMENT_KEYS = "[allow_internet, build_timeout_sec, cpus, docker_image, memory,"
            + " memory_mb, storage, storage_mb]";

    @TempDir
    Path dir;

    @Test
    void readsEveryField() throws IOException {
        Path directory = task(dir, "count-lines", """
                version = "1.0"

                [metadata]
                difficulty = "easy"
                tags = ["logs", "wc"]
                expert_time_estimate_min = 5

                [verifier]
                timeout_sec = 45.5
                env = { MODE = "strict", LEVEL = "2" }

                [agent]
                timeout_sec = 600

                [environment]
                build_timeout_sec = 90
                cpus = 0.5
                memory = "4G"
                storage_mb = 1024
                allow_internet = true
                """);

        HarborTask task = HarborTasks.read(directory);

        assertThat(task.id()).isEqualTo("count-lines");
        assertThat(task.directory()).isEqualTo(directory);
        assertThat(task.instruction()).isEqualTo(HarborFixtures.INSTRUCTION);
        assertThat(task.verifierTimeout()).isEqualTo(Duration.ofMillis(45_500));
        assertThat(task.verifierEnv()).isEqualTo(Map.of("MODE", "strict", "LEVEL", "2"));
        assertThat(task.agentTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(task.buildTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(task.cpus()).isEqualTo(0.5);
        assertThat(task.memoryBytes()).isEqualTo(4096 * MB);
        assertThat(task.storageBytes()).isEqualTo(1024 * MB);
        assertThat(task.allowInternet()).isTrue();
        assertThat(task.metadata()).containsExactly(Map.entry("difficulty", "easy"),
                Map.entry("tags", List.of("logs", "wc")), Map.entry("expert_time_estimate_min", 5));
        assertThat(task.hasSolution()).isTrue();
        assertThat(task.testsDirectory()).isEqualTo(directory.resolve("tests"));
    }

    @Test
    void appliesDefaultsToAnEmptyTaskToml() throws IOException {
        Path directory = task(dir, "t1", "");
        Files.delete(directory.resolve("solution/solve.sh"));

        HarborTask task = HarborTasks.read(directory);

        assertThat(task.agentTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(task.verifierTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(task.buildTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(task.cpus()).isEqualTo(1.0);
        assertThat(task.memoryBytes()).isEqualTo(2048 * MB);
        assertThat(task.storageBytes()).isZero();
        assertThat(task.allowInternet()).isFalse();
        assertThat(task.dockerImage()).isEmpty();
        assertThat(task.verifierEnv()).isEmpty();
        assertThat(task.metadata()).isEmpty();
        assertThat(task.hasSolution()).isFalse();
    }

    @Test
    void reportsEveryProblemAtOnceWithItsLine() throws IOException {
        Path directory = task(dir, "t1", """
                version = 1
                difficulty = "easy"

                [verifier]
                timeout_sec = 0
                env = { TOKEN = 5 }

                [agent]
                timeout = 30

                [environment]
                cpu = 2
                memory_mb = 512
                memory = "1G"
                docker_image = "ghcr.io/example/task latest"
                allow_internet = "no"
                """);
        Path file = directory.resolve("task.toml");

        List<Problem> problems = problems(directory);

        assertThat(problems).containsExactly(
                new Problem(file, 2, "difficulty", "unknown key; expected one of [agent, environment, metadata,"
                        + " verifier, version]"),
                new Problem(file, 1, "version", "expected a string, got 1"),
                new Problem(file, 9, "agent.timeout", "unknown key; expected one of [timeout_sec]"),
                new Problem(file, 12, "environment.cpu", "unknown key; expected one of " + ENVIRONMENT_KEYS),
                new Problem(file, 5, "verifier.timeout_sec", "expected a number greater than 0, got 0"),
                new Problem(file, 6, "verifier.env.TOKEN", "expected a string, got 5"),
                new Problem(file, 14, "environment.memory", "set memory_mb or memory, not both"),
                new Problem(file, 16, "environment.allow_internet", "expected true or false, got the string \"no\""),
                new Problem(file, 15, "environment.docker_image", "expected an image reference such as"
                        + " \"python:3.12-slim\", got the string \"ghcr.io/example/task latest\""));
    }

    @Test
    void aTaskNamingAPrebuiltImageNeedsNoDockerfile() throws IOException {
        Path directory = task(dir, "prebuilt", "[environment]\ndocker_image = \"ghcr.io/example/task:1.0\"\n");
        deleteEnvironmentDirectory(directory);

        assertThat(HarborTasks.read(directory).dockerImage()).contains("ghcr.io/example/task:1.0");
    }

    @Test
    void aBadImageReferenceIsTheOnlyProblemOfATaskWithoutDockerfile() throws IOException {
        Path directory = task(dir, "t1", "[environment]\ndocker_image = 3\n");
        deleteEnvironmentDirectory(directory);

        assertThat(problems(directory)).containsExactly(
                new Problem(directory.resolve("task.toml"), 2, "environment.docker_image", "expected a string, got 3"));
    }

    @Test
    void findsKeyLinesPastMultiLineValuesAndInDottedOrQuotedKeys() throws IOException {
        Path directory = task(dir, "t1", """
                [metadata]
                notes = \"""
                cpus = 0
                [environment]
                \"""
                tags = [
                  "a = b",
                  "[agent]",
                ]

                [environment]
                "cpus" = -1
                agent.timeout_sec = 0
                """);
        Path file = directory.resolve("task.toml");

        assertThat(problems(directory)).containsExactly(
                new Problem(file, 13, "environment.agent", "unknown key; expected one of " + ENVIRONMENT_KEYS),
                new Problem(file, 12, "environment.cpus", "expected a number greater than 0, got -1"));
    }

    @Test
    void reportsTomlSyntaxErrorsWithTheirLine() throws IOException {
        Path directory = task(dir, "t1", """
                [agent]
                timeout_sec = 30
                timeout_sec = 40
                """);

        assertThat(problems(directory)).containsExactly(
                new Problem(directory.resolve("task.toml"), 3, "", "invalid TOML: Duplicate key"));
    }

    @Test
    void reportsMissingAndEmptyFilesByPath() throws IOException {
        Path directory = task(dir, "t1", "");
        Files.delete(directory.resolve("task.toml"));
        write(directory.resolve("instruction.md"), "  \n");
        Files.delete(directory.resolve("environment/Dockerfile"));
        Files.delete(directory.resolve("tests/test.sh"));

        assertThat(problems(directory)).extracting(Problem::file, Problem::message).containsExactly(
                tuple(directory.resolve("task.toml"), "file not found; a Harbor task"
                        + " directory holds task.toml, instruction.md, environment/Dockerfile and tests/test.sh"),
                tuple(directory.resolve("instruction.md"),
                        "the file is empty; it holds the instruction the agent is given"),
                tuple(directory.resolve("environment/Dockerfile"),
                        "file not found; the image the agent works in is built from it, unless task.toml names"
                                + " a prebuilt one as [environment] docker_image"),
                tuple(directory.resolve("tests/test.sh"), "file not found; the"
                        + " verifier runs it after the agent and it writes /logs/verifier/reward.txt"));
    }

    @Test
    void rejectsAPathThatIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("task.toml"), "");

        assertThat(problems(file)).extracting(Problem::message).containsExactly("not a directory; a Harbor task"
                + " directory holds task.toml, instruction.md, environment/Dockerfile and tests/test.sh");
    }

    @ParameterizedTest
    @CsvSource({"512M, 512", "4G, 4096", "1.5g, 1536", "65536K, 64", "2GiB, 2048", "1T, 1048576"})
    void readsMemoryWithAUnit(String memory, long megabytes) throws IOException {
        Path directory = task(dir, "t1", "[environment]\nmemory = \"" + memory + "\"\n");

        assertThat(HarborTasks.read(directory).memoryBytes()).isEqualTo(megabytes * MB);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "memory = \"lots\"   | environment.memory    | expected a size greater than 0 such as \"512M\" or \"4G\", got the string \"lots\"",
        "memory = \"512\"    | environment.memory    | expected a size greater than 0 such as \"512M\" or \"4G\", got the string \"512\"",
        "memory = \"0G\"     | environment.memory    | expected a size greater than 0 such as \"512M\" or \"4G\", got the string \"0G\"",
        "memory_mb = 4       | environment.memory_mb | expected at least 6 MB, the least memory Docker gives a container, got 4",
        "memory_mb = 1.5     | environment.memory_mb | expected a whole number of megabytes greater than 0, got 1.5",
        "storage = \"10X\"   | environment.storage   | expected a size greater than 0 such as \"512M\" or \"4G\", got the string \"10X\"",
        "cpus = inf          | environment.cpus      | expected a number greater than 0, got Infinity",
        "build_timeout_sec = nan | environment.build_timeout_sec | expected a number greater than 0, got NaN",
    })
    void rejectsBadResources(String line, String field, String message) throws IOException {
        Path directory = task(dir, "t1", "[environment]\n" + line + "\n");

        assertThat(problems(directory)).containsExactly(new Problem(directory.resolve("task.toml"), 2, field, message));
    }

    @Test
    void rejectsSectionsThatAreNotTables() throws IOException {
        Path directory = task(dir, "t1", "verifier = 30\n");

        assertThat(problems(directory)).containsExactly(new Problem(directory.resolve("task.toml"), 1, "verifier",
                "expected a table [verifier], got 30"));
    }

    @Test
    void findsTheTaskOfASuiteOrASingleTaskDirectory() throws IOException {
        Path single = task(dir, "alone", "");

        assertThat(HarborTasks.taskDirectory(single, "alone")).isEqualTo(single);
        assertThat(HarborTasks.taskDirectory(dir, "alone")).isEqualTo(single);
    }

    private static void deleteEnvironmentDirectory(Path task) throws IOException {
        Files.delete(task.resolve("environment/Dockerfile"));
        Files.delete(task.resolve("environment"));
    }

    private static List<Problem> problems(Path directory) {
        return catchThrowableOfType(InvalidSuiteException.class, () -> HarborTasks.read(directory)).problems();
    }
}
