package io.assay.core.suite;

import static io.assay.core.suite.SuiteFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSuiteRepository {
    private static final String SUITE_YAML = "id: repo\nreward: {type: exact}\n";
    private static final String TASKS = "{\"id\": \"t1\", \"prompt\": \"p\", \"answer\": 1}\n";

    @TempDir
    Path dir;

    /** A second format, recognised by a {@code task.toml}, whose files cannot be read. */
    private static final class UnreadableTomlLoader implements SuiteLoader {
        @Override
        public String name() {
            return "toml";
        }

        @Override
        public String description() {
            return "directories with task.toml";
        }

        @Override
        public boolean accepts(Path directory) {
            return Files.exists(directory.resolve("task.toml"));
        }

        @Override
        public Suite load(Path directory, Context context) throws IOException {
            throw new AccessDeniedException(directory.resolve("task.toml").toString());
        }
    }

    @Test
    void loadsWithTheLoaderThatAcceptsTheDirectory() {
        SuiteRepository repository = repository(SuiteFixtures.registry(new UnreadableTomlLoader()));

        Suite suite = repository.load(suite(dir, SUITE_YAML, TASKS));

        assertThat(suite.id()).isEqualTo("repo");
        assertThat(suite.tasks()).hasSize(1);
    }

    @Test
    void turnsAnUnreadableFileIntoAnInputErrorNamingIt() throws IOException {
        SuiteRepository repository = repository(SuiteFixtures.registry(new UnreadableTomlLoader()));
        Files.writeString(dir.resolve("task.toml"), "");

        assertThatThrownBy(() -> repository.load(dir))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read suite " + dir + ": " + dir.resolve("task.toml") + ": permission denied");
    }

    @Test
    void rejectsAMissingPathAndAFile() throws IOException {
        SuiteRepository repository = repository(SuiteFixtures.registry());
        Path file = Files.writeString(dir.resolve("suite.yaml"), SUITE_YAML);

        assertThatThrownBy(() -> repository.load(dir.resolve("nowhere")))
                .isInstanceOf(InputException.class)
                .hasMessage("suite directory not found: " + dir.resolve("nowhere"));
        assertThatThrownBy(() -> repository.load(file))
                .isInstanceOf(InputException.class)
                .hasMessage("not a directory: " + file + "; a suite is a directory");
    }

    @Test
    void listsTheLoadersTriedWhenNoneRecognisesTheDirectory() {
        SuiteRepository repository = repository(SuiteFixtures.registry(new UnreadableTomlLoader()));

        assertThatThrownBy(() -> repository.load(dir))
                .isInstanceOf(InputException.class)
                .hasMessage("no suite format recognises " + dir + " (no suite.yaml in it); loaders tried:"
                        + " declarative (Assay's format: suite.yaml plus a JSON-lines task file or a JSONL, JSON or CSV dataset),"
                        + " toml (directories with task.toml)")
                .extracting(e -> ((InputException) e).hint())
                .isEqualTo("a declarative suite needs " + dir.resolve("suite.yaml") + "; see docs/suite-format.md");
    }

    @Test
    void passesEveryProblemOfAnInvalidSuiteThrough() {
        SuiteRepository repository = repository(SuiteFixtures.registry());
        suite(dir, "id: Bad\nreward: {type: exact}\n", TASKS + "{\"id\": \"t1\"}\n");

        assertThatThrownBy(() -> repository.load(dir))
                .isInstanceOfSatisfying(InvalidSuiteException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.file().getFileName().toString() + ":" + problem.line()
                                + ":" + problem.field())
                        .containsExactly("suite.yaml:1:id", "tasks.jsonl:2:id", "tasks.jsonl:2:prompt",
                                "tasks.jsonl:2:answer"));
    }

    private static SuiteRepository repository(ComponentRegistry registry) {
        return SuiteFixtures.engine(registry).getInstance(SuiteRepository.class);
    }

    @Test
    void listsNoLoadersWhenNoneIsRegistered() {
        SuiteRepository repository = repository(new ComponentRegistry(List.of()));

        assertThatThrownBy(() -> repository.load(dir))
                .hasMessageEndingWith("loaders tried: none");
    }
}
