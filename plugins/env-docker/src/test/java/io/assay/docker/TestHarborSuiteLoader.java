package io.assay.docker;

import static io.assay.docker.HarborFixtures.task;
import static io.assay.docker.HarborFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Problem;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestHarborSuiteLoader {
    private static final Path REPO = Path.of(System.getProperty("assay.repoRoot", "../.."));

    private final HarborSuiteLoader loader = new HarborSuiteLoader();
    private final RecordingContext context = new RecordingContext();

    @TempDir
    Path dir;

    @Test
    void loadsTheCleanExampleSuite() throws IOException {
        Path directory = REPO.resolve("examples/terminal");

        Suite suite = loader.load(directory, context);

        assertThat(suite.id()).isEqualTo("terminal-basics");
        assertThat(suite.measures()).isNotBlank();
        assertThat(suite.canary()).startsWith("assay-canary: ");
        assertThat(suite.tasks()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(suite.tasks()).allSatisfy(task -> assertThat(task.metadata()).doesNotContainKey("flaw"));
        assertThat(suite.environment().values()).containsEntry("type", "docker")
                .containsEntry("suite_dir", directory.toAbsolutePath().normalize().toString());
        assertThat(context.environments).containsExactly(suite.environment());
        assertThat(context.rewards).containsExactly(new Options("reward", Map.of("type", "harbor-tests")));
    }

    @Test
    void loadsTheFlawedExampleSuiteWithOneTaskPerFlaw() throws IOException {
        Suite suite = loader.load(REPO.resolve("examples/terminal-flawed"), context);

        assertThat(suite.id()).isEqualTo("terminal-flawed");
        assertThat(suite.tasks()).extracting(task -> ((String) task.metadata().get("flaw")).split(":")[0])
                .containsExactlyInAnyOrder("do-nothing-passes", "tests-in-image", "tamperable-verifier",
                        "insufficient-tests", "nondeterministic-state", "unsolvable", "answer-in-image");
    }

    @Test
    void makesOneTaskPerDirectoryInNameOrder() throws IOException {
        task(dir, "b-task", """
                [metadata]
                difficulty = "hard"
                tags = ["logs", "awk"]
                estimate_min = 5
                author = { name = "Ana" }
                """);
        task(dir, "a-task", "");

        Suite suite = loader.load(dir, context);

        assertThat(suite.tasks()).containsExactly(
                new Task("a-task", HarborFixtures.INSTRUCTION, null, null, Map.of(), null),
                new Task("b-task", HarborFixtures.INSTRUCTION, null, null,
                        Map.of("difficulty", "hard", "tags", "logs,awk", "estimate_min", 5), null));
        assertThat(suite.reward()).isEqualTo(new Options("reward", Map.of("type", "harbor-tests")));
        assertThat(suite.directory()).isEqualTo(dir);
    }

    @Test
    void namesTheSuiteAfterItsDirectoryWithoutSuiteToml() throws IOException {
        Path directory = dir.resolve("My_Terminal Tasks");
        task(directory, "t1", "");

        Suite suite = loader.load(directory, context);

        assertThat(suite.id()).isEqualTo("my-terminal-tasks");
        assertThat(suite.version()).isEmpty();
        assertThat(suite.canary()).isNull();
        assertThat(suite.environment()).isEqualTo(new Options("environment", Map.of("type", "docker",
                "suite_dir", directory.toAbsolutePath().toString())));
    }

    @Test
    void readsSuiteTomlAndPassesTheWarmPoolToTheEnvironment() throws IOException {
        task(dir, "t1", "");
        write(dir.resolve("suite.toml"), """
                id = "shell-basics"
                version = "2.0"
                description = "Shell tasks."
                measures = "Use of Unix tools."
                canary = "assay-canary: 123"
                warm_pool = 4
                """);

        Suite suite = loader.load(dir, context);

        assertThat(suite).extracting(Suite::id, Suite::version, Suite::description, Suite::measures, Suite::canary)
                .containsExactly("shell-basics", "2.0", "Shell tasks.", "Use of Unix tools.", "assay-canary: 123");
        assertThat(suite.environment().values()).containsEntry("warm_pool", 4);
    }

    @Test
    void isASuiteOfOneWhenGivenATaskDirectory() throws IOException {
        Path single = task(dir, "only-task", "");

        assertThat(loader.accepts(single)).isTrue();
        Suite suite = loader.load(single, context);

        assertThat(suite.id()).isEqualTo("only-task");
        assertThat(suite.tasks()).extracting(Task::id).containsExactly("only-task");
        assertThat(HarborTasks.taskDirectory(Path.of((String) suite.environment().get("suite_dir")), "only-task"))
                .isEqualTo(single.toAbsolutePath());
    }

    @Test
    void acceptsOnlyDirectoriesOfHarborTasks() throws IOException {
        Path suite = dir.resolve("suite");
        task(suite, "t1", "");
        Path declarative = dir.resolve("declarative");
        task(declarative, "t1", "");
        write(declarative.resolve("suite.yaml"), "id: x\n");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(loader.accepts(suite)).isTrue();
        assertThat(loader.accepts(declarative)).isFalse();
        assertThat(loader.accepts(empty)).isFalse();
        assertThat(loader.accepts(suite.resolve("t1/task.toml"))).isFalse();
        assertThat(loader.accepts(dir.resolve("missing"))).isFalse();
    }

    @Test
    void reportsProblemsOfSuiteTomlAndEveryTaskAtOnce() throws IOException {
        write(dir.resolve("suite.toml"), """
                id = "Bad Id"
                version = 1.0
                mesures = "typo"
                """);
        task(dir, "good", "");
        task(dir, "bad", "[agent]\ntimeout_sec = -5\n");
        task(dir, "-dash", "");
        Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(dir.resolve(".git"));
        Path suiteFile = dir.resolve("suite.toml");

        List<Problem> problems = problems(dir);

        assertThat(problems).containsExactly(
                new Problem(dir.resolve("notes"), 0, "", "no task.toml; every directory in a Harbor suite is a task"
                        + " directory"),
                new Problem(suiteFile, 3, "mesures", "unknown key; expected one of [canary, description, id,"
                        + " measures, version, warm_pool]"),
                new Problem(suiteFile, 1, "id", "expected lower-case letters, digits and '-', starting with a letter"
                        + " or digit ([a-z0-9][a-z0-9-]*), got the string \"Bad Id\""),
                new Problem(suiteFile, 2, "version", "expected a string, got 1.0"),
                new Problem(dir.resolve("-dash"), 0, "", "the directory name is the task id and must match"
                        + " [a-zA-Z0-9][a-zA-Z0-9._-]*"),
                new Problem(dir.resolve("bad/task.toml"), 2, "agent.timeout_sec",
                        "expected a number greater than 0, got -5"));
    }

    @Test
    void reportsABadWarmPoolOnItsLineAndOtherBadOptionsOnTheDirectory() throws IOException {
        task(dir, "t1", "");
        write(dir.resolve("suite.toml"), "id = \"s\"\nwarm_pool = \"many\"\n");
        context.environmentFailure = new InvalidOptionException("environment.warm_pool", "expected a whole number");
        context.rewardFailure = new InvalidOptionException("reward.type", "unknown reward check 'harbor-tests'");

        assertThat(problems(dir)).containsExactly(
                new Problem(dir.resolve("suite.toml"), 2, "warm_pool", "expected a whole number"),
                new Problem(dir, 0, "reward.type", "unknown reward check 'harbor-tests'"));
    }

    @Test
    void hashesTheContentOfEveryTaskFileIndependentlyOfLocation() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        for (Path suite : List.of(first, second)) {
            task(suite, "t1", "");
            write(suite.resolve("suite.toml"), "id = \"s\"\n");
        }

        String hash = loader.load(first, context).contentHash();
        assertThat(hash).matches("sha256:[0-9a-f]{64}").isEqualTo(loader.load(second, context).contentHash());

        write(second.resolve("t1/tests/test.sh"), "#!/bin/bash\necho 1 > /logs/verifier/reward.txt\n");
        String changedTest = loader.load(second, context).contentHash();
        write(second.resolve("t1/tests/test.sh"), "#!/bin/bash\necho 0 > /logs/verifier/reward.txt\n");
        write(second.resolve("suite.toml"), "id = \"s\"\nversion = \"2\"\n");
        String changedSuiteFile = loader.load(second, context).contentHash();

        assertThat(List.of(changedTest, changedSuiteFile)).doesNotContain(hash).doesNotHaveDuplicates();
    }

    private List<Problem> problems(Path directory) {
        return catchThrowableOfType(InvalidSuiteException.class, () -> loader.load(directory, context)).problems();
    }

    /** Records the specs the loader validates, and fails them on request. */
    private static final class RecordingContext implements SuiteLoader.Context {
        final List<Options> environments = new ArrayList<>();
        final List<Options> rewards = new ArrayList<>();
        RuntimeException environmentFailure;
        RuntimeException rewardFailure;

        @Override
        public void validateReward(Options spec) {
            rewards.add(spec);
            if (rewardFailure != null) {
                throw rewardFailure;
            }
        }

        @Override
        public void validateEnvironment(Options spec) {
            environments.add(spec);
            if (environmentFailure != null) {
                throw environmentFailure;
            }
        }
    }
}
