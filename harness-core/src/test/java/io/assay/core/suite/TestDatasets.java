package io.assay.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite's {@code dataset} block: published JSONL, JSON and CSV files read as they are. */
class TestDatasets {
    private static final String GSM8K_LIKE = """
            {"question": "What is 2 + 3?", "answer": "2 + 3 = 5\\n#### 5"}
            {"question": "What is 4 * 5?", "answer": "4 * 5 = 20\\n#### 20"}
            """;

    private final DeclarativeSuiteLoader loader = new DeclarativeSuiteLoader();

    @TempDir
    Path dir;

    @Test
    void readsJsonLinesNumberingRowsFromOneAndExtractingTheReference() throws IOException {
        write("data/test.jsonl", GSM8K_LIKE);
        Path suite = suite("""
                dataset:
                  path: ../data/test.jsonl
                  fields: {prompt: question, answer: answer}
                  answer_pattern: '####\\s*(.+)$'
                  template: "Solve this problem: {prompt}"
                """);

        List<Task> tasks = loader.load(suite, SuiteFixtures.validation()).tasks();

        assertThat(tasks).containsExactly(
                new Task("1", "Solve this problem: What is 2 + 3?", "5", "5", Map.of(), null),
                new Task("2", "Solve this problem: What is 4 * 5?", "20", "20", Map.of(), null));
    }

    @Test
    void readsAJsonArrayWithIdsAndMetadataFromItsFields() throws IOException {
        write("data/qa.json", """
                [
                  {"qid": 17, "q": "Capital of France?", "a": ["Paris"], "topic": "geo", "level": 1},
                  {"qid": "x2", "q": "Capital of Peru?", "a": "Lima", "topic": "geo", "level": null}
                ]
                """);
        Path suite = suite(dataset("../data/qa.json", "{id: qid, prompt: q, answer: a, metadata: [topic, level]}"));

        List<Task> tasks = loader.load(suite, SuiteFixtures.validation()).tasks();

        assertThat(tasks).extracting(Task::id, Task::prompt, Task::answer, Task::metadata).containsExactly(
                tuple("17", "Capital of France?", List.of("Paris"),
                        Map.of("topic", "geo", "level", 1)),
                tuple("x2", "Capital of Peru?", "Lima", Map.of("topic", "geo")));
    }

    @Test
    void readsTheArrayAnObjectHolds() throws IOException {
        write("data/squad-like.json", """
                {"version": "1.1", "data": [{"q": "a?", "a": "1"}, {"q": "b?", "a": "2"}]}
                """);
        Path suite = suite(dataset("../data/squad-like.json", "{prompt: q, answer: a, metadata: version}"));

        assertThat(problems(suite)).containsExactly(
                "data/squad-like.json:1: version: row 1: missing; dataset.fields.metadata names this field, and the"
                        + " row has [a, q]",
                "data/squad-like.json:1: version: row 2: missing; dataset.fields.metadata names this field, and the"
                        + " row has [a, q]");
        suite(dataset("../data/squad-like.json", "{prompt: q, answer: a}"));
        assertThat(loader.load(suite, SuiteFixtures.validation()).tasks()).extracting(Task::id, Task::answer)
                .containsExactly(tuple("1", "1"), tuple("2", "2"));
    }

    @Test
    void readsCsvWithQuotedLineBreaksAndNamesEachRowsFileLine() throws IOException {
        write("data/mc.csv", """
                id,question,answer,subject
                a1,"Which is a prime?
                A) 4
                B) 5",B,math
                a2,"Which is even? A) 3 B) 8",B,math

                a3,Which is odd?,,math
                """);
        Path suite = suite(dataset("../data/mc.csv", "{id: id, prompt: question, answer: answer, metadata: subject}")
                + "  answer_pattern: '([A-D])'\n");

        assertThat(problems(suite)).containsExactly(
                "data/mc.csv:7: answer: row 3: answer_pattern '([A-D])' does not match \"\"");
        write("data/mc.csv", Files.readString(dir.resolve("data/mc.csv")).replace(",,math", ",A,math"));
        List<Task> tasks = loader.load(suite, SuiteFixtures.validation()).tasks();
        assertThat(tasks).extracting(Task::id).containsExactly("a1", "a2", "a3");
        assertThat(tasks.getFirst()).isEqualTo(new Task("a1", "Which is a prime?\nA) 4\nB) 5", "B", "B",
                Map.of("subject", "math"), null));
    }

    @Test
    void readsAnAbsolutePath() throws IOException {
        Path data = write("elsewhere/test.jsonl", GSM8K_LIKE);
        Path suite = suite(dataset(data.toAbsolutePath().toString(), "{prompt: question, answer: answer}"));

        assertThat(loader.load(suite, SuiteFixtures.validation()).tasks()).hasSize(2);
    }

    @Test
    void namesTheRowTheFieldAndWhatItHasWhenAMappedFieldIsMissing() throws IOException {
        write("data/test.jsonl", """
                {"question": "q1", "answer": "#### 1"}
                {"question": "q2", "solution": "#### 2"}

                {"prompt": "q4", "answer": "#### 4"}
                """);
        Path suite = suite(dataset("../data/test.jsonl", "{prompt: question, answer: answer}"));

        assertThat(problems(suite)).containsExactly(
                "data/test.jsonl:2: answer: row 2: missing; dataset.fields.answer names this field, and the row has"
                        + " [question, solution]",
                "data/test.jsonl:4: question: row 3: missing; dataset.fields.prompt names this field, and the row has"
                        + " [answer, prompt]");
    }

    @Test
    void showsAnExcerptOfAnAnswerThePatternDoesNotMatch() throws IOException {
        write("data/test.jsonl", """
                {"question": "q1", "answer": "#### 1"}
                {"question": "q2", "answer": "The farmer sells 16 - 3 - 4 = 9 eggs a day at $2 each,\\nso she makes 9 * 2 = 18 dollars.\\n## 18"}
                {"question": "q3", "answer": 3}
                """);
        Path suite = suite(dataset("../data/test.jsonl", "{prompt: question, answer: answer}")
                + "  answer_pattern: '####\\s*(.+)$'\n");

        assertThat(problems(suite)).containsExactly(
                "data/test.jsonl:2: answer: row 2: answer_pattern '####\\s*(.+)$' does not match \"The farmer sells"
                        + " 16 - 3 - 4 = 9 eggs a d ... ,\\nso she makes 9 * 2 = 18 dollars.\\n## 18\"",
                "data/test.jsonl:3: answer: row 3: expected a string for answer_pattern to search, got 3");
    }

    @Test
    void reportsDuplicateIdsWithTheRowThatFirstUsedThem() throws IOException {
        write("data/test.csv", "key,q,a\nk1,x,1\nk2,y,2\nk1,z,3\n,w,4\n");
        Path suite = suite(dataset("../data/test.csv", "{id: key, prompt: q, answer: a}"));

        assertThat(problems(suite)).containsExactly(
                "data/test.csv:4: key: row 3: duplicate task id 'k1'; first used on row 1",
                "data/test.csv:5: key: row 4: expected a non-empty string or a number, the task id, got the string \"\"");
    }

    @Test
    void checksTheBlockItselfAtItsLinesInSuiteYaml() throws IOException {
        write("data/test.jsonl", GSM8K_LIKE);
        Path suite = suite("""
                dataset:
                  path: ../data/test.jsonl
                  fields: {prompt: question, answer: answer, solution: worked}
                  answer_pattern: '####\\s*(.+$'
                  templat: "{prompt}"
                """);

        assertThat(problems(suite)).containsExactly(
                "suite/suite.yaml:5: dataset.fields.solution: unknown field; expected one of [answer, id, metadata,"
                        + " prompt]",
                "suite/suite.yaml:6: dataset.answer_pattern: expected a valid regular expression: Unclosed group near"
                        + " index 11 of \"####\\s*(.+$\"",
                "suite/suite.yaml:7: dataset.templat: unknown field; expected one of [answer_pattern, fields, path,"
                        + " template]");
    }

    @Test
    void requiresAPatternToCaptureTheReference() throws IOException {
        write("data/test.jsonl", GSM8K_LIKE);
        Path suite = suite(dataset("../data/test.jsonl", "{prompt: question, answer: answer}")
                + "  answer_pattern: '####.+$'\n");

        assertThat(problems(suite)).containsExactly("suite/suite.yaml:6: dataset.answer_pattern: expected a regular"
                + " expression with a group that captures the reference, such as '####\\s*(.+)$', got \"####.+$\"");
    }

    @Test
    void aTemplateNamesOnlyThePrompt() throws IOException {
        write("data/test.jsonl", GSM8K_LIKE);
        String block = dataset("../data/test.jsonl", "{prompt: question, answer: answer}");

        suite(block + "  template: 'Q: {question} \\boxed{} {}'\n");
        assertThat(problems(dir.resolve("suite"))).containsExactly("suite/suite.yaml:6: dataset.template: unknown"
                + " placeholder {question}; expected only {prompt}, where the prompt goes");
        suite(block + "  template: 'Answer in \\boxed{}.'\n");
        assertThat(problems(dir.resolve("suite"))).containsExactly("suite/suite.yaml:6: dataset.template: expected"
                + " {prompt} where the prompt goes, got the string \"Answer in \\boxed{}.\"");
        suite(block + "  template: '{prompt} Put the answer in \\boxed{}.'\n");
        assertThat(loader.load(dir.resolve("suite"), SuiteFixtures.validation()).tasks().getFirst().prompt())
                .isEqualTo("What is 2 + 3? Put the answer in \\boxed{}.");
    }

    @Test
    void reportsAMissingFileAndAnUnknownFormatAtThePathLine() throws IOException {
        Path suite = suite(dataset("../data/absent.jsonl", "{prompt: question, answer: answer}"));
        assertThat(problems(suite)).containsExactly("suite/suite.yaml:4: dataset.path: file not found:"
                + " data/absent.jsonl; expected the dataset file, relative to the suite directory or"
                + " absolute");

        write("data/test.tsv", "question\tanswer\n");
        suite(dataset("../data/test.tsv", "{prompt: question, answer: answer}"));
        assertThat(problems(suite)).containsExactly("suite/suite.yaml:4: dataset.path: expected a file ending in .jsonl"
                + " (JSON lines), .json (an array of objects) or .csv (with a header row), got the string"
                + " \"../data/test.tsv\"");
    }

    @Test
    void aSuiteHasADatasetOrATaskFileNotBoth() throws IOException {
        write("data/test.jsonl", GSM8K_LIKE);
        Path suite = suite(dataset("../data/test.jsonl", "{prompt: question, answer: answer}") + "tasks: qa.jsonl\n");
        write("suite/tasks.jsonl", "{\"id\": \"t1\", \"prompt\": \"p\", \"answer\": 1}\n");

        assertThat(problems(suite)).containsExactly(
                "suite/suite.yaml:3: dataset: a suite reads its tasks from a dataset or from a task file, not both;"
                        + " the suite directory also holds tasks.jsonl; remove it or the `dataset` block",
                "suite/suite.yaml:6: tasks: a suite reads its tasks from a dataset or from a task file, not both;"
                        + " remove `tasks` or `dataset`");
    }

    @Test
    void aDatasetNeedsTheSuitesReward() throws IOException {
        write("data/test.jsonl", GSM8K_LIKE);
        Path suite = write("suite/suite.yaml", "id: data\n" + dataset("../data/test.jsonl",
                "{prompt: question, answer: answer}")).getParent();

        assertThat(problems(suite)).containsExactly("suite/suite.yaml: reward: required with a dataset, whose rows"
                + " carry no reward spec; add one such as `reward: {type: exact}`");
    }

    @Test
    void reportsEmptyAndMalformedFiles() throws IOException {
        Path suite = suite(dataset("../data/empty.csv", "{prompt: q, answer: a}"));
        write("data/empty.csv", "q,a\n");
        assertThat(problems(suite)).containsExactly("data/empty.csv: no rows; expected a header row and one row per"
                + " task");

        write("data/wide.csv", "q,a\nx,1\ny,2,3\n");
        suite(dataset("../data/wide.csv", "{prompt: q, answer: a}"));
        assertThat(problems(suite)).singleElement().asString().startsWith("data/wide.csv:3: invalid CSV: Too many"
                + " entries");

        write("data/shape.json", "{\"q\": \"x\", \"a\": 1}");
        suite(dataset("../data/shape.json", "{prompt: q, answer: a}"));
        assertThat(problems(suite)).containsExactly("data/shape.json:1: expected an array of objects, or an object"
                + " holding one such array, got an object");

        write("data/torn.json", "[{\"q\": \"x\", \"a\": 1},\n {\"q\": \"y\"");
        suite(dataset("../data/torn.json", "{prompt: q, answer: a}"));
        assertThat(problems(suite)).singleElement().asString().startsWith("data/torn.json:2: invalid JSON at column ");

        write("data/rows.jsonl", "{\"q\": \"x\", \"a\": 1}\n[\"q\", \"a\"]\n{\"q\": \"y\", \"a\": \n");
        suite(dataset("../data/rows.jsonl", "{prompt: q, answer: a}"));
        assertThat(problems(suite)).containsExactly(
                "data/rows.jsonl:2: row 2: expected an object of fields, got a list",
                "data/rows.jsonl:3: invalid JSON at column 17: Unexpected end-of-input within/between Object entries");
    }

    @Test
    void theContentHashFollowsTheDataFile() throws IOException {
        write("data/test.jsonl", GSM8K_LIKE);
        Path suite = suite(dataset("../data/test.jsonl", "{prompt: question, answer: answer}"));
        String first = loader.load(suite, SuiteFixtures.validation()).contentHash();

        assertThat(loader.load(suite, SuiteFixtures.validation()).contentHash()).isEqualTo(first);
        write("data/test.jsonl", GSM8K_LIKE.replace("#### 20", "#### 21"));
        assertThat(loader.load(suite, SuiteFixtures.validation()).contentHash()).isNotEqualTo(first);
    }

    private static String dataset(String path, String fields) {
        return "dataset:\n  path: " + path + "\n  fields: " + fields + "\n";
    }

    /** {@code suite/suite.yaml}: id, reward and then {@code block}, so the block starts on line 3. */
    private Path suite(String block) throws IOException {
        return write("suite/suite.yaml", "id: data\nreward: {type: exact}\n" + block).getParent();
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** The rendered problems of loading {@code suite}, file names relative to the temporary directory. */
    private List<String> problems(Path suite) {
        InvalidSuiteException e = catchThrowableOfType(InvalidSuiteException.class,
                () -> loader.load(suite, SuiteFixtures.validation()));
        assertThat(e).as("loading %s should fail", suite).isNotNull();
        return e.problems().stream().map(problem -> problem.toString().replace(dir + dir.getFileSystem().getSeparator(), ""))
                .toList();
    }
}
