package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A task whose reference fails its own check is refused before any agent runs; the oracle answers like a correct agent. */
class TestTaskReferenceValidation {
    private static final String NUMERIC_SUITE = "id: numbers\nreward: {type: numeric}\n";
    private static final String FORTY = """
            {"id": "add-1", "prompt": "What is 40 + 2?", "answer": 42}
            {"id": "add-2", "prompt": "What is 38 + 2?", "answer": "forty"}
            """;

    @TempDir
    Path temp;

    @Test
    void validateRefusesAnAnswerItsOwnCheckCannotGrade() throws Exception {
        Path suite = suite("forty", NUMERIC_SUITE, FORTY);

        CliResult result = run("suites", "validate", suite.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + suite.resolve("tasks.jsonl") + ":2: answer: its own reward check"
                        + " (numeric) cannot grade it")
                .contains("\"forty\"").doesNotContain("\tat ").doesNotContain("add-1");
        assertThat(result.out()).doesNotContain("ok:");
    }

    @Test
    void runRefusesTheSameSuiteBeforeAnyTrial() throws Exception {
        Path suite = suite("forty", NUMERIC_SUITE, FORTY);
        Path out = temp.resolve("run");

        CliResult result = run("run", suite.toString(), "--agent", "oracle", "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + suite.resolve("tasks.jsonl") + ":2: answer: ")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void oracleAnswersEveryAnswerShapeAsACorrectAgentWould() throws Exception {
        Path suite = suite("shapes", "id: shapes\nreward: {type: exact}\n", """
                {"id": "alternatives", "prompt": "Capital of Japan?", "answer": ["Tokyo", "Tokio"]}
                {"id": "contains-alternatives", "prompt": "Capital of Japan?", "answer": ["Tokyo", "Tokio"], "reward": {"type": "contains"}}
                {"id": "number", "prompt": "Metres in a km?", "answer": 1E+3, "reward": {"type": "numeric"}}
                {"id": "letter", "prompt": "Which? A) x B) y", "answer": "B", "reward": {"type": "choice", "letters": "AB"}}
                {"id": "json-object", "prompt": "As JSON?", "answer": {"city": "Paris"}, "reward": {"type": "json"}}
                {"id": "json-list", "prompt": "As JSON?", "answer": [1, 2, 3], "reward": {"type": "json"}}
                {"id": "json-string", "prompt": "As JSON?", "answer": "hello", "reward": {"type": "json"}}
                """);
        Path out = temp.resolve("run");

        CliResult result = run("run", suite.toString(), "--agent", "oracle", "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("trials.jsonl"));
        assertThat(lines).hasSize(7);
        for (String line : lines) {
            JsonNode trial = Json.MAPPER.readTree(line);
            assertThat(trial.path("passed").asBoolean()).as(line).isTrue();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"answer\":\"Tokyo\""));
    }

    @Test
    void everyBundledExampleValidates() {
        CliResult result = run("suites", "validate", example("arithmetic"), example("multiple-choice"),
                example("retail"), example("terminal"), example("terminal-flawed"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).hasSize(5).allMatch(line -> line.startsWith("ok: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"answer-stuffing", "constant-answer", "leakage", "missing-reporting", "negation",
            "strict-equivalence", "trivial-pass", "retail-database-dump", "retail-do-nothing", "retail-gold-fails",
            "retail-partial-state"})
    void flawedExamplesThatCanScoreValidate(String name) {
        CliResult result = run("suites", "validate", example("flawed/" + name));

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void flawedExamplesWithUnscorableTasksAreRefusedButStillAudited() {
        String unsolvable = example("flawed/unsolvable");
        String groundTruth = example("flawed/ground-truth");

        CliResult result = run("suites", "validate", unsolvable, groundTruth);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")).toList()).satisfiesExactly(
                line -> assertThat(line).startsWith("error: " + Path.of(unsolvable, "tasks.jsonl") + ":2: solution: "),
                line -> assertThat(line).startsWith("error: " + Path.of(unsolvable, "tasks.jsonl") + ":4: solution: "),
                line -> assertThat(line).startsWith("error: " + Path.of(unsolvable, "tasks.jsonl") + ":5: answer: "),
                line -> assertThat(line).startsWith("error: " + Path.of(groundTruth, "tasks.jsonl") + ":4: answer: "),
                line -> assertThat(line).startsWith("error: " + Path.of(groundTruth, "tasks.jsonl") + ":7: answer: "));
        for (String example : List.of(unsolvable, groundTruth)) {
            CliResult audit = run("audit", example, "--format", "json");
            assertThat(audit.err()).as(example).doesNotContain("error: ");
            assertThat(audit.out()).as(example).contains("\"findings\"");
        }
    }

    private Path suite(String name, String suiteYaml, String tasks) throws Exception {
        Path suite = temp.resolve(name);
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), suiteYaml);
        Files.writeString(suite.resolve("tasks.jsonl"), tasks);
        return suite;
    }
}
