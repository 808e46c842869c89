package io.assay.core.audit.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.audit.AuditFixture;
import io.assay.core.json.Json;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestLeakageProbe {
    private static final String PROBE = "leakage";

    @TempDir
    Path temp;

    @Test
    void namesThePromptsThatGiveTheAnswerAway() {
        List<Finding> findings = findings(AuditFixture.example("flawed/leakage"));

        assertThat(findings).extracting(Finding::task, Finding::severity, f -> f.evidence().get("rule"))
                .containsExactlyInAnyOrder(
                        tuple("cookies-left", Severity.ERROR, "answer key"),
                        tuple("sodium-symbol", Severity.ERROR, "marked as correct"),
                        tuple("translate-cat", Severity.WARNING, "verbatim"),
                        tuple("order-json", Severity.ERROR, "answer key"));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.abc()).containsExactly("T.5");
            assertThat(f.message()).contains("Fix:");
        });
        assertThat(findings).filteredOn(f -> f.task().equals("cookies-left")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("prompt_excerpt", "Answer: 42"));
        assertThat(findings).filteredOn(f -> f.task().equals("order-json")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("reference",
                        "{\"order\":8812,\"items\":[\"lamp\",\"lamp\",\"rug\"],\"total\":149.9}"));
    }

    @Test
    void aJsonAnswerStandingInThePromptLeaksInAnyLayoutButNotNestedOrTiny() {
        Path suite = AuditFixture.suite(temp.resolve("json"), "id: extraction\nmeasures: extraction\nreward: {type: json}\n",
                // Pretty-printed, keys in another order, in a fenced block: the converted result the task asks for.
                "{\"id\": \"ini-to-json\", \"prompt\": \"Convert this INI section to a JSON object with a string host and a"
                        + " number port:\\n[server]\\nhost = db.internal\\nport = 5432\\n\\nThe converter must print:\\n```json\\n"
                        + "{\\n  \\\"port\\\": 5432,\\n  \\\"host\\\": \\\"db.internal\\\"\\n}\\n```\", "
                        + "\"answer\": {\"host\": \"db.internal\", \"port\": 5432}}",
                // An array answer in Python's quoting, in a hint.
                "{\"id\": \"sort-versions\", \"prompt\": \"Sort these versions ascending and reply with a JSON array:"
                        + " 1.10.0, 1.9.3, 1.2.0. (Hint for reviewers: ['1.2.0', '1.9.3', '1.10.0'])\", "
                        + "\"answer\": [\"1.2.0\", \"1.9.3\", \"1.10.0\"]}",
                // The answer nested in the input is what the task extracts, not a leak.
                "{\"id\": \"user-record\", \"prompt\": \"Reply with the user object of this record as JSON:"
                        + " {\\\"request\\\": 7, \\\"user\\\": {\\\"name\\\": \\\"Ann\\\", \\\"age\\\": 31}}\", "
                        + "\"answer\": {\"name\": \"Ann\", \"age\": 31}}",
                // Format examples that happen to equal a one-value answer are no leak.
                "{\"id\": \"primes\", \"prompt\": \"List the primes between 24 and 28 as a JSON array; reply [] if there"
                        + " are none.\", \"answer\": []}",
                "{\"id\": \"valid-date\", \"prompt\": \"Is 2024-02-30 a valid date? Reply {\\\"ok\\\": true} or"
                        + " {\\\"ok\\\": false}.\", \"answer\": {\"ok\": false}}");

        assertThat(findings(suite)).extracting(Finding::task, Finding::severity, f -> f.evidence().get("rule"))
                .containsExactlyInAnyOrder(
                        tuple("ini-to-json", Severity.WARNING, "verbatim"),
                        tuple("sort-versions", Severity.WARNING, "verbatim"));
    }

    @Test
    void readsJsonAfterAnAnswerKeyPhraseAcrossLinesAndByMeaning() throws Exception {
        JsonNode order = Json.MAPPER.readTree("{\"id\": 8812, \"total\": 149.9}");

        assertThat(new LeakagePrompt("Extract it.\nExpected output:\n```json\n{\"total\": 149.90,\n \"id\": 8812}\n```")
                .statedJson(order)).contains("Expected output: ```json {\"total\": 149.90, \"id\": 8812}");
        assertThat(new LeakagePrompt("Extract it. Expected output: {\"id\": 8812, \"total\": 150}").statedJson(order)).isEmpty();
        assertThat(new LeakagePrompt("Extract it. Expected output: {\"id\": 8812}").statedJson(order)).isEmpty();
        assertThat(new LeakagePrompt("Example 1 expected output: {\"id\": 1, \"total\": 2}\n"
                + "Example 2 expected output: {\"id\": 8812, \"total\": 149.9}").statedJson(order)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice"})
    void cleanExamplesLeakNothing(String example) {
        assertThat(findings(AuditFixture.example(example))).isEmpty();
    }

    @Test
    void statesTheAnswerAfterAnAnswerKeyPhrase() {
        assertThat(new LeakagePrompt("Pick one.\nA) x\nB) y\nThe correct answer is B.").statedAnswer("B")).isPresent();
        assertThat(new LeakagePrompt("Solve x + 3 = 5.\nSolution: x = 2").statedAnswer("x = 2")).isPresent();
        assertThat(new LeakagePrompt("Print the list.\nExpected output: [1, 2, 3]").statedAnswer("[1, 2, 3]")).isPresent();
        assertThat(new LeakagePrompt("Final answer = **$12.50**").statedAnswer("12.50")).isPresent();
    }

    @Test
    void aFormatInstructionOrAnotherNumberIsNoAnswerKey() {
        assertThat(new LeakagePrompt("Is the sky blue? Answer: yes or no.").statedAnswer("yes")).isEmpty();
        assertThat(new LeakagePrompt("Is it open? The answer is yes/no.").statedAnswer("yes")).isEmpty();
        assertThat(new LeakagePrompt("The answer is a letter.\nA) x\nB) y").statedAnswer("A")).isEmpty();
        assertThat(new LeakagePrompt("Round it. The answer is 42.5 before rounding.").statedAnswer("42")).isEmpty();
        assertThat(new LeakagePrompt("Answer with the letter of the correct option.").statedAnswer("B")).isEmpty();
        assertThat(new LeakagePrompt("It is not 7. What is it?\nAnswer:").statedAnswer("7")).isEmpty();
    }

    @Test
    void workedExamplesAreNotAnAnswerKey() {
        String fewShot = "Q: 3 + 5? A: The answer is 8.\nQ: 2 + 2? A: The answer is 4.\nQ: 10 - 2? A:";

        assertThat(new LeakagePrompt(fewShot).statedAnswer("8")).isEmpty();
    }

    @Test
    void marksOnlyTheOptionCarryingAMarker() {
        LeakagePrompt prompt = new LeakagePrompt("Which?\nA) Venus\n(B) Mercury \u2713\nC) Mars");

        assertThat(prompt.markedOption("B")).contains("(B) Mercury \u2713");
        assertThat(prompt.markedOption("A")).isEmpty();
    }

    @Test
    void aLongAnswerAmongListedOptionsIsNoLeak() {
        LeakagePrompt prompt = new LeakagePrompt("Which statement is true?\n- The Earth orbits the Sun\n- The Sun orbits the Earth");

        assertThat(prompt.verbatimOutsideOptions("The Earth orbits the Sun")).isEmpty();
        assertThat(new LeakagePrompt("Note: the Earth   orbits the Sun. Which orbits which?")
                .verbatimOutsideOptions("The Earth orbits the Sun")).isPresent();
    }

    @Test
    void shortAnswersAreNeverReportedForMerelyOccurring() {
        Path suite = AuditFixture.suite(temp.resolve("short"), "id: planets\nmeasures: recall\nreward: {type: exact}\n",
                "{\"id\": \"larger\", \"prompt\": \"Which is larger, Jupiter or Saturn?\", \"answer\": \"Jupiter\"}",
                "{\"id\": \"marbles\", \"prompt\": \"Sara has 5 red and 7 blue marbles. How many red ones?\", \"answer\": 5,"
                        + " \"reward\": {\"type\": \"numeric\"}}");

        assertThat(findings(suite)).isEmpty();
    }

    @Test
    void anExtractiveSuiteGetsOneNoteInsteadOfAWarningPerTask() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add("{\"id\": \"p" + i + "\", \"prompt\": \"Passage: In year " + i + " the village council decided to"
                    + " build a stone bridge over the river. Question: What did the council decide in year " + i
                    + "?\", \"answer\": \"to build a stone bridge over the river\"}");
        }
        Path suite = AuditFixture.suite(temp.resolve("extractive"),
                "id: reading\nmeasures: reading\nreward: {type: contains}\n", lines.toArray(String[]::new));

        assertThat(findings(suite)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.task()).isNull();
            assertThat(f.evidence().get("tasks")).asList().hasSize(5);
        });
    }

    private static List<Finding> findings(Path suite) {
        return AuditFixture.of(AuditFixture.audit(suite, List.of(PROBE)), PROBE);
    }
}
