package io.assay.core.suite;

import static io.assay.core.suite.SuiteFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Problem;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading grades each task's reference with its own check (the real built-in checks), refuses a
 * task that can never score, and makes the oracle's solution the reply a correct agent gives.
 */
class TestTaskReferences {
    private static final SuiteRepository REPOSITORY = Guice.createInjector(Stage.PRODUCTION,
            new HarnessModule(List.of())).getInstance(SuiteRepository.class);
    private static final String NUMERIC = "id: numbers\nreward: {type: numeric}\n";

    @TempDir
    Path dir;

    @Test
    void refusesAReferenceItsOwnCheckCannotGradeOrDoesNotPass() {
        suite(dir, NUMERIC, """
                {"id": "ok", "prompt": "What is 40 + 2?", "answer": 42}
                {"id": "forty", "prompt": "What is 38 + 2?", "answer": "forty"}
                {"id": "prose", "prompt": "Seconds in a day?", "answer": 86400, "solution": "There are 86,400 seconds."}
                {"id": "pattern", "prompt": "A number in the forties?", "answer": "4[0-9]", "reward": {"type": "regex", "full_match": true}}
                """);

        List<Problem> problems = catchThrowableOfType(InvalidSuiteException.class, () -> REPOSITORY.load(dir)).problems();

        Path tasks = dir.resolve("tasks.jsonl");
        assertThat(problems).extracting(Problem::file, Problem::line, Problem::field).containsExactly(
                tuple(tasks, 2, "answer"),
                tuple(tasks, 3, "solution"),
                tuple(tasks, 4, "answer"));
        assertThat(problems.get(0).message()).contains("its own reward check (numeric) cannot grade it")
                .contains("\"forty\"");
        assertThat(problems.get(1).message()).contains("fails the task's own reward check (numeric)")
                .contains("\"There are 86,400 seconds.\"");
        assertThat(problems.get(2).message()).contains("fails its own reward check (regex)").contains("\"4[0-9]\"")
                .contains("add a \"solution\" that passes");
    }

    @Test
    void theAuditLoadsTheSameTasksToReportThem() {
        suite(dir, NUMERIC, """
                {"id": "forty", "prompt": "What is 38 + 2?", "answer": "forty"}
                {"id": "prose", "prompt": "Seconds in a day?", "answer": 86400, "solution": "There are 86,400 seconds."}
                """);

        Suite suite = REPOSITORY.loadForAudit(dir);

        assertThat(suite.tasks()).extracting(Task::id, Task::solution).containsExactly(
                tuple("forty", "forty"),
                tuple("prose", "There are 86,400 seconds."));
    }

    @Test
    void theSolutionIsEachAnswerShapeAsACorrectAgentWritesIt() {
        suite(dir, "id: shapes\nreward: {type: exact}\n", """
                {"id": "alternatives", "prompt": "Capital of Japan?", "answer": ["Tokyo", "Tokio"]}
                {"id": "contains-alternatives", "prompt": "Capital of Japan?", "answer": ["Tokyo", "Tokio"], "reward": {"type": "contains"}}
                {"id": "boolean", "prompt": "Is 7 prime?", "answer": true}
                {"id": "number", "prompt": "Metres in a km?", "answer": 1E+3, "reward": {"type": "numeric"}}
                {"id": "numeric-string", "prompt": "Price?", "answer": "$12.50", "reward": {"type": "numeric"}}
                {"id": "letter", "prompt": "Which? A) x B) y", "answer": "b", "reward": {"type": "choice", "letters": "AB"}}
                {"id": "json-object", "prompt": "As JSON?", "answer": {"city": "Paris", "zip": [75001]}, "reward": {"type": "json"}}
                {"id": "json-list", "prompt": "As JSON?", "answer": [1, 2, 3], "reward": {"type": "json"}}
                {"id": "json-string", "prompt": "As JSON?", "answer": "hello", "reward": {"type": "json"}}
                {"id": "own-solution", "prompt": "Capital of Estonia?", "answer": "Tallinn", "solution": "It is Tallinn.", "reward": {"type": "contains"}}
                {"id": "combined", "prompt": "40 + 2?", "answer": 42, "reward": {"type": "all", "checks": [{"type": "numeric"}, {"type": "regex", "pattern": "^[0-9]+$"}]}}
                """);

        Map<String, Object> solutions = REPOSITORY.load(dir).tasks().stream()
                .collect(Collectors.toMap(Task::id, Task::solution));

        assertThat(solutions).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("alternatives", "Tokyo"),
                Map.entry("contains-alternatives", "Tokyo"),
                Map.entry("boolean", "true"),
                Map.entry("number", "1000"),
                Map.entry("numeric-string", "$12.50"),
                Map.entry("letter", "b"),
                Map.entry("json-object", "{\"city\":\"Paris\",\"zip\":[75001]}"),
                Map.entry("json-list", "[1,2,3]"),
                Map.entry("json-string", "\"hello\""),
                Map.entry("own-solution", "It is Tallinn."),
                Map.entry("combined", "42")));
    }

    @Test
    void checksThatGradeEndStateOrCallOutAreNotConsulted() {
        suite(dir, "id: skipped\nreward: {type: state_match}\n", """
                {"id": "end-state", "prompt": "Cancel my order.", "answer": {"actions": [], "outputs": []}}
                {"id": "judged", "prompt": "Explain tides.", "answer": ["The Moon's pull"], "reward": {"type": "remote"}}
                {"id": "judged-inside", "prompt": "Explain tides.", "answer": "The Moon", "reward": {"type": "all", "checks": [{"type": "exact"}, {"type": "remote"}]}}
                """);

        Map<String, Task> tasks = REPOSITORY.load(dir).tasks().stream()
                .collect(Collectors.toMap(Task::id, Function.identity()));

        assertThat(tasks.get("end-state").solution()).isEqualTo(Map.of("actions", List.of(), "outputs", List.of()));
        assertThat(tasks.get("judged").solution()).as("the first acceptable answer, never graded").isEqualTo("The Moon's pull");
        assertThat(tasks.get("judged-inside").solution()).isEqualTo("The Moon");
    }
}
