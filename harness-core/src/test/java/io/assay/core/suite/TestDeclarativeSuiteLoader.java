package io.assay.core.suite;

import static io.assay.core.suite.SuiteFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Problem;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDeclarativeSuiteLoader {
    private static final String MINIMAL_SUITE = """
            id: minimal
            reward: {type: exact}
            """;
    private static final String ONE_TASK = """
            {"id": "t1", "prompt": "What is 2 + 3?", "answer": 5}
            """;
    private static final String SUITE_FIELDS =
            "[canary, dataset, description, environment, id, measures, reward, tasks, version]";
    private static final String TASK_FIELDS = "[answer, id, metadata, prompt, reward, solution, user_turns]";

    private final DeclarativeSuiteLoader loader = new DeclarativeSuiteLoader();

    @TempDir
    Path dir;

    @Test
    void loadsEveryFieldOfSuiteAndTasks() throws IOException {
        Path directory = SuiteFixtures.resource("complete");

        Suite suite = loader.load(directory, SuiteFixtures.validation());

        assertThat(suite.id()).isEqualTo("capitals-2");
        assertThat(suite.version()).isEqualTo("2.1.0");
        assertThat(suite.description()).isEqualTo("Capital cities of European countries.");
        assertThat(suite.measures()).isEqualTo("Recall of capital cities, not reasoning.");
        assertThat(suite.canary()).isEqualTo("assay-canary: 3f6c2a8e-1d4b-4c1a-9a57-0b8e2f1c7d90");
        assertThat(suite.environment()).isEqualTo(new Options("environment", Map.of("type", "none")));
        assertThat(suite.reward()).isEqualTo(new Options("reward", Map.of("type", "exact", "case_sensitive", false)));
        assertThat(suite.directory()).isEqualTo(directory);
        assertThat(suite.contentHash()).matches("sha256:[0-9a-f]{64}");
        assertThat(suite.tasks()).containsExactly(
                new Task("fr", "What is the capital of France?", "Paris", "Paris",
                        Map.of("region", "west", "population_m", new BigDecimal("2.1")), null),
                new Task("pt", "What is the capital of Portugal?", "Lisbon", "The capital is Lisbon.",
                        Map.of("region", "south"), null),
                new Task("ee", "What is the capital of Estonia?", List.of("Tallinn", "Reval"), "Tallinn", Map.of(),
                        new Options("reward", Map.of("type", "exact", "case_sensitive", true))));
        assertThat(suite.rewardFor(suite.tasks().get(2)).values()).containsEntry("case_sensitive", true);
    }

    @Test
    void appliesDefaults() throws IOException {
        suite(dir, MINIMAL_SUITE, ONE_TASK);

        Suite suite = loader.load(dir, SuiteFixtures.validation());

        assertThat(suite.version()).isEmpty();
        assertThat(suite.description()).isEmpty();
        assertThat(suite.measures()).isEmpty();
        assertThat(suite.canary()).isNull();
        assertThat(suite.environment()).isEqualTo(new Options("environment", Map.of("type", "none")));
        Task task = suite.tasks().getFirst();
        assertThat(task.solution()).as("the answer, as the oracle answers it").isEqualTo("5");
        assertThat(task.metadata()).isEmpty();
        assertThat(task.reward()).isNull();
    }

    @Test
    void acceptsOnlyDirectoriesWithSuiteYaml() {
        assertThat(loader.accepts(suite(dir.resolve("with"), MINIMAL_SUITE, null))).isTrue();
        assertThat(loader.accepts(suite(dir.resolve("without"), null, ONE_TASK))).isFalse();
    }

    @Test
    void skipsBlankLinesButCountsThemInLineNumbers() {
        suite(dir, MINIMAL_SUITE, """
                {"id": "t1", "prompt": "p", "answer": 1}

                \t
                {"id": "t2", "prompt": "p"}
                """);

        assertThat(problems(dir)).containsExactly("tasks.jsonl:4: answer: required field is missing");
    }

    @Test
    void readsCrLfLinesAndALastLineWithoutNewline() throws IOException {
        suite(dir, MINIMAL_SUITE, "{\"id\": \"t1\", \"prompt\": \"p\", \"answer\": 1}\r\n"
                + "{\"id\": \"t2\", \"prompt\": \"p\", \"answer\": \"x\"}");

        Suite suite = loader.load(dir, SuiteFixtures.validation());

        assertThat(suite.tasks()).extracting(Task::id).containsExactly("t1", "t2");
        assertThat(suite.tasks().get(1).answer()).isEqualTo("x");
    }

    @Test
    void reportsEveryProblemInBothFilesAtOnce() {
        suite(dir, """
                id: Bad Suite
                version: "1"
                descripton: typo
                reward:
                  type: exact
                  case_senstive: true
                """, """
                {"id": "a", "prompt": "p", "answer": 1}
                {"id": "b", "promt": "p", "answer": 2}
                {"id": "a", "prompt": "p", "answer": 3}
                {"id": "c", "prompt": "p", "answer": 4
                """);

        assertThat(problems(dir)).containsExactly(
                "suite.yaml:1: id: expected lower-case letters, digits and '-', starting with a letter or digit"
                        + " ([a-z0-9][a-z0-9-]*), got the string \"Bad Suite\"",
                "suite.yaml:3: descripton: unknown field; expected one of " + SUITE_FIELDS,
                "suite.yaml:6: reward.case_senstive: unknown field; expected one of [case_sensitive, type]",
                "tasks.jsonl:2: promt: unknown field; expected one of " + TASK_FIELDS,
                "tasks.jsonl:2: prompt: required field is missing",
                "tasks.jsonl:3: id: duplicate task id 'a'; first used on line 1",
                "tasks.jsonl:4: invalid JSON at column 39: Unexpected end-of-input: expected close marker for"
                        + " Object (start marker at line 4, column 1)");
    }

    @Test
    void problemsNameTheFileAsGivenTheLineAndTheField() {
        suite(dir, MINIMAL_SUITE, """
                {"id": "t1", "prompt": "p", "answer": 1, "anwser": 1}
                """);

        InvalidSuiteException e = catchThrowableOfType(InvalidSuiteException.class,
                () -> loader.load(dir, SuiteFixtures.validation()));

        Problem problem = new Problem(dir.resolve("tasks.jsonl"), 1, "anwser",
                "unknown field; expected one of " + TASK_FIELDS);
        assertThat(e.problems()).containsExactly(problem);
        assertThat(problem.toString()).isEqualTo(dir.resolve("tasks.jsonl")
                + ":1: anwser: unknown field; expected one of " + TASK_FIELDS);
        assertThat(e).hasMessage(problem.toString());
    }

    @Test
    void mapsNestedRewardSpecErrorsToTheirLines() {
        suite(dir, """
                id: nested
                reward:
                  type: all
                  checks:
                    - type: exact
                    - type: exact
                      case_sensitive: maybe
                    - case_sensitive: true
                """, ONE_TASK);

        assertThat(problems(dir)).containsExactly(
                "suite.yaml:7: reward.checks[1].case_sensitive: expected true or false, got the string \"maybe\"");
    }

    @Test
    void mapsAMissingNestedFieldToItsEnclosingObject() {
        suite(dir, """
                id: nested
                reward:
                  type: all
                  checks:
                    - type: exact

                    - case_sensitive: true
                """, ONE_TASK);

        assertThat(problems(dir)).containsExactly(
                "suite.yaml:7: reward.checks[1].type: required string is missing");
    }

    @Test
    void reportsAnUnknownEnvironmentOnItsTypeLine() {
        suite(dir, """
                id: env
                environment:
                  type: docker
                reward: {type: exact}
                """, ONE_TASK);

        assertThat(problems(dir)).containsExactly(
                "suite.yaml:3: environment.type: unknown environment 'docker'; available: none");
    }

    @Test
    void validatesTaskRewardOverridesOnTheTaskLine() {
        suite(dir, MINIMAL_SUITE, """
                {"id": "t1", "prompt": "p", "answer": 1}
                {"id": "t2", "prompt": "p", "answer": 1, "reward": {"type": "exact", "case_senstive": false}}
                {"id": "t3", "prompt": "p", "answer": 1, "reward": {"type": "fuzzy"}}
                {"id": "t4", "prompt": "p", "answer": 1, "reward": "exact"}
                """);

        assertThat(problems(dir)).containsExactly(
                "tasks.jsonl:2: reward.case_senstive: unknown field; expected one of [case_sensitive, type]",
                "tasks.jsonl:3: reward.type: unknown reward check 'fuzzy'; available: all, exact",
                "tasks.jsonl:4: reward: expected a reward spec object such as {\"type\": \"exact\"},"
                        + " got the string \"exact\"");
    }

    @Test
    void requiresARewardOnEveryTaskWhenTheSuiteHasNoDefault() throws IOException {
        suite(dir, "id: no-default\n", """
                {"id": "t1", "prompt": "p", "answer": 1, "reward": {"type": "exact"}}
                {"id": "t2", "prompt": "p", "answer": 1}
                """);

        assertThat(problems(dir)).containsExactly("tasks.jsonl:2: reward: required field is missing:"
                + " suite.yaml sets no default reward, so every task needs its own, such as {\"type\": \"exact\"}");
    }

    @Test
    void rejectsUnknownFieldsInTasks() {
        suite(dir, MINIMAL_SUITE, """
                {"id": "t1", "prompt": "p", "answer": 1, "metdata": {}, "hint": "x"}
                """);

        assertThat(problems(dir)).containsExactly(
                "tasks.jsonl:1: metdata: unknown field; expected one of " + TASK_FIELDS,
                "tasks.jsonl:1: hint: unknown field; expected one of " + TASK_FIELDS);
    }

    @Test
    void readsTheScriptedUsersTurns() throws IOException {
        suite(dir, MINIMAL_SUITE, """
                {"id": "t", "prompt": "Cancel my order.", "answer": 1, "user_turns": ["Yes, go ahead.", "Thanks."]}
                {"id": "u", "prompt": "p", "answer": 1}
                """);

        List<Task> tasks = loader.load(dir, SuiteFixtures.validation()).tasks();

        assertThat(tasks.get(0).userTurns()).containsExactly("Yes, go ahead.", "Thanks.");
        assertThat(tasks.get(1).userTurns()).isEmpty();
    }

    @Test
    void userTurnsMustBeAListOfStrings() {
        suite(dir, MINIMAL_SUITE, """
                {"id": "t", "prompt": "p", "answer": 1, "user_turns": "Yes"}
                {"id": "u", "prompt": "p", "answer": 1, "user_turns": ["Yes", 2]}
                """);

        assertThat(problems(dir)).containsExactly(
                "tasks.jsonl:1: user_turns: expected a list of strings, what the user says after each agent message,"
                        + " got the string \"Yes\"",
                "tasks.jsonl:2: user_turns: expected a list of strings, what the user says after each agent message,"
                        + " got a list");
    }

    @Test
    void checksTheTypeOfEveryTaskField() {
        suite(dir, MINIMAL_SUITE, """
                {"id": "", "prompt": 7, "answer": null, "solution": null, "metadata": ["a"]}
                {"id": 12, "prompt": "p", "answer": 1}
                ["not", "an", "object"]
                """);

        assertThat(problems(dir)).containsExactly(
                "tasks.jsonl:1: id: expected a non-empty string, got the string \"\"",
                "tasks.jsonl:1: prompt: expected a string, got 7",
                "tasks.jsonl:1: answer: expected the ground truth, any JSON value but null",
                "tasks.jsonl:1: solution: expected the oracle's reference output, any JSON value but null;"
                        + " leave it out to use the answer",
                "tasks.jsonl:1: metadata: expected an object, got a list",
                "tasks.jsonl:2: id: expected a non-empty string, got 12",
                "tasks.jsonl:3: expected a JSON object with id, prompt and answer, got a list");
    }

    @Test
    void reportsATornLineAndKeepsReadingTheNextOnes() {
        suite(dir, MINIMAL_SUITE, """
                {"id": "t1", "prompt": "What is 2 +
                {"id": "t2", "prompt": "p"}
                {"id": "t3", "prompt": "p", "answer": 3} {"id": "t4"}
                {"id": "t5", "prompt": "p", "answer": 1,}
                {"id": "t6", "prompt": "p", "answer": 6}
                {"id": "t7", "prompt":""");

        assertThat(problems(dir)).containsExactly(
                "tasks.jsonl:1: invalid JSON at column 36: Unexpected end-of-input in VALUE_STRING",
                "tasks.jsonl:2: answer: required field is missing",
                "tasks.jsonl:3: invalid JSON at column 43: more content after the end of the first value",
                "tasks.jsonl:4: invalid JSON at column 41: Unexpected character ('}' (code 125)):"
                        + " was expecting double-quote to start field name",
                "tasks.jsonl:6: invalid JSON at column 23: Unexpected end-of-input within/between Object entries");
    }

    @Test
    void rejectsDuplicateFieldsInEitherFile() {
        suite(dir, """
                id: dup
                reward: {type: exact}
                id: dup-again
                """, """
                {"id": "t1", "prompt": "p", "answer": 1, "answer": 2}
                """);

        List<String> problems = problems(dir);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("suite.yaml:3: invalid YAML: duplicate field 'id'");
        assertThat(problems.get(1)).startsWith("tasks.jsonl:1: invalid JSON at column ")
                .endsWith(": duplicate field 'answer'");
    }

    @Test
    void reportsAYamlSyntaxErrorAsOneProblemWithItsLine() {
        suite(dir, """
                id: broken
                reward:
                  type: exact
                description: Uses: colons
                """, ONE_TASK);

        assertThat(problems(dir)).containsExactly("suite.yaml:4: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void reportsTheProblemLineOfAMultiLineYamlError() {
        suite(dir, "id: tabs\nreward:\n\ttype: exact\n", ONE_TASK);

        assertThat(problems(dir)).containsExactly("suite.yaml:3: invalid YAML: while scanning for the next token:"
                + " found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
    }

    @Test
    void rejectsIdsOutsideTheAllowedPattern() {
        for (String id : List.of("-leading-dash", "Upper", "under_score", "\"\"")) {
            suite(dir, "id: " + id + "\nreward: {type: exact}\n", ONE_TASK);

            assertThat(problems(dir)).singleElement().asString().startsWith("suite.yaml:1: id: expected lower-case");
        }
        suite(dir, "reward: {type: exact}\n", ONE_TASK);
        assertThat(problems(dir)).containsExactly("suite.yaml: id: required string is missing");
    }

    @Test
    void rejectsWronglyTypedSuiteFields() {
        suite(dir, """
                id: typed
                version: 1.0
                environment: none
                reward: {type: exact}
                tasks: ../elsewhere.jsonl
                """, ONE_TASK);

        assertThat(problems(dir)).containsExactly(
                "suite.yaml:2: version: expected a string, got 1.0",
                "suite.yaml:3: environment: expected an object, got the string \"none\"",
                "suite.yaml:5: tasks: expected a file path inside the suite directory, got the string"
                        + " \"../elsewhere.jsonl\"");
    }

    @Test
    void reportsASuiteYamlThatIsNotAMapping() {
        suite(dir, "- id: listed\n", ONE_TASK);

        assertThat(problems(dir)).containsExactly(
                "suite.yaml:1: expected a mapping of fields such as `id: my-suite`, got a list");
    }

    @Test
    void reportsMissingAndEmptyFiles() {
        assertThat(problems(dir.resolve("absent"))).containsExactly(
                "absent: no such directory; expected a suite directory holding suite.yaml");
        assertThat(problems(suite(dir.resolve("no-yaml"), null, ONE_TASK))).containsExactly(
                "suite.yaml: file not found; a declarative suite directory holds suite.yaml");
        assertThat(problems(suite(dir.resolve("empty-yaml"), "# nothing yet\n", ONE_TASK))).containsExactly(
                "suite.yaml: the file is empty; expected at least `id: my-suite`");
        assertThat(problems(suite(dir.resolve("no-tasks"), MINIMAL_SUITE, null))).containsExactly(
                "tasks.jsonl: file not found; expected the task file, one JSON object per line"
                        + " (`tasks` in suite.yaml names it, default tasks.jsonl)");
        assertThat(problems(suite(dir.resolve("blank-tasks"), MINIMAL_SUITE, "\n  \n"))).containsExactly(
                "tasks.jsonl: no tasks; expected one JSON object per line, such as"
                        + " {\"id\": \"t1\", \"prompt\": \"What is 2 + 3?\", \"answer\": 5}");
    }

    @Test
    void readsTheTaskFileNamedInSuiteYaml() throws IOException {
        suite(dir, MINIMAL_SUITE + "tasks: ./data/../data/qa.jsonl\n", null);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/qa.jsonl"), ONE_TASK);

        Suite suite = loader.load(dir, SuiteFixtures.validation());

        assertThat(suite.tasks()).extracting(Task::id).containsExactly("t1");
    }

    @Test
    void checksTheDefaultTaskFileEvenWhenSuiteYamlIsUnreadable() {
        suite(dir, "id: [unclosed\n", """
                {"id": "t1", "prompt": "p"}
                """);

        assertThat(problems(dir)).containsExactly(
                "suite.yaml:2: invalid YAML: while parsing a flow sequence at line 1:"
                        + " expected ',' or ']', but got <stream end>",
                "tasks.jsonl:1: answer: required field is missing");
    }

    @Test
    void hashIsStableAndChangesWithEitherFile() throws IOException {
        String tasks = ONE_TASK + "{\"id\": \"t2\", \"prompt\": \"p\", \"answer\": 2}\n";
        String first = hash(suite(dir.resolve("a"), MINIMAL_SUITE, tasks));

        assertThat(hash(dir.resolve("a"))).isEqualTo(first);
        assertThat(hash(suite(dir.resolve("copy"), MINIMAL_SUITE, tasks))).isEqualTo(first);
        String changedTasks = tasks.replace("\"answer\": 2", "\"answer\": 3");
        assertThat(hash(suite(dir.resolve("task-changed"), MINIMAL_SUITE, changedTasks))).isNotEqualTo(first);
        assertThat(hash(suite(dir.resolve("suite-changed"), MINIMAL_SUITE + "version: \"1\"\n", tasks)))
                .isNotEqualTo(first);
    }

    @Test
    void hashCoversTheTaskFileName() throws IOException {
        suite(dir, MINIMAL_SUITE, ONE_TASK);
        Path renamed = suite(dir.resolve("renamed"), MINIMAL_SUITE + "tasks: other.jsonl\n", null);
        Files.writeString(renamed.resolve("other.jsonl"), ONE_TASK);
        Path sameYaml = suite(dir.resolve("same-yaml"), MINIMAL_SUITE + "tasks: tasks.jsonl\n", ONE_TASK);

        assertThat(hash(renamed)).isNotEqualTo(hash(sameYaml));
    }

    @Test
    void streamsALargeTaskFile() throws IOException {
        int count = 100_000;
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < count; i++) {
            tasks.append("{\"id\": \"t").append(i).append("\", \"prompt\": \"What is ").append(i)
                    .append(" + 1?\", \"answer\": ").append(i + 1).append(", \"metadata\": {\"bucket\": \"b")
                    .append(i % 10).append("\"}}\n");
        }
        suite(dir, MINIMAL_SUITE, tasks.toString());

        Suite suite = loader.load(dir, SuiteFixtures.validation());

        assertThat(suite.tasks()).hasSize(count);
        assertThat(suite.tasks().getLast()).isEqualTo(new Task("t99999", "What is 99999 + 1?", 100000, "100000",
                Map.of("bucket", "b9"), null));
    }

    @Test
    void readsA60MegabytePrompt() throws IOException {
        // Valid JSON three times longer than Jackson's default string limit of 20 million characters.
        String prompt = "x".repeat(60 * 1024 * 1024);
        suite(dir, MINIMAL_SUITE, "{\"id\": \"t1\", \"prompt\": \"What is 2 + 3?\", \"answer\": 5}\n"
                + "{\"id\": \"big\", \"prompt\": \"" + prompt + "\", \"answer\": \"x\"}\n");

        Suite suite = loader.load(dir, SuiteFixtures.validation());

        assertThat(suite.tasks().getLast().prompt()).hasSize(prompt.length());
    }

    @Test
    void namesTheLineAndTheLimitAJsonValueGoesBeyond() {
        suite(dir, MINIMAL_SUITE, ONE_TASK
                + "{\"id\": \"deep\", \"prompt\": \"p\", \"answer\": " + "[".repeat(1001) + "]".repeat(1001) + "}\n"
                + "{\"id\": \"long\", \"prompt\": \"p\", \"answer\": " + "9".repeat(1001) + "}\n");

        assertThat(problems(dir)).containsExactly(
                "tasks.jsonl:2: values nested 1001 levels deep, deeper than the 1000 levels Assay reads",
                "tasks.jsonl:3: a number of 1001 digits, longer than the 1000 Assay reads; write it as a string");
    }

    private String hash(Path directory) throws IOException {
        return loader.load(directory, SuiteFixtures.validation()).contentHash();
    }

    /** The rendered problems of loading {@code directory}, file names relative to it. */
    private List<String> problems(Path directory) {
        InvalidSuiteException e = catchThrowableOfType(InvalidSuiteException.class,
                () -> loader.load(directory, SuiteFixtures.validation()));
        assertThat(e).as("loading %s should fail", directory).isNotNull();
        return e.problems().stream().map(problem -> {
            String rendered = problem.toString();
            String prefix = directory.getParent() + directory.getFileSystem().getSeparator();
            assertThat(rendered).startsWith(prefix);
            String relative = rendered.substring(prefix.length());
            String name = directory.getFileName() + directory.getFileSystem().getSeparator();
            return relative.startsWith(name) ? relative.substring(name.length()) : relative;
        }).toList();
    }
}
