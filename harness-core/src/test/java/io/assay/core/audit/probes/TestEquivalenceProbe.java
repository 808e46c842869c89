package io.assay.core.audit.probes;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditFixture;
import io.assay.core.audit.probes.EquivalenceVariants.Kind;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.testkit.TaskBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestEquivalenceProbe {
    private static final String PROBE = "equivalence";
    private static final Task NUMBER_TASK = TaskBuilder.task("t").prompt("How many?").answer(12).build();

    @TempDir
    Path temp;

    @Test
    void namesTheTasksWhoseStringChecksRejectEquivalentAnswers() {
        List<Finding> findings = findings(AuditFixture.example("flawed/strict-equivalence"));

        assertThat(findings).extracting(Finding::task)
                .containsExactlyInAnyOrder("france-capital", "metres-in-km", "half", "water-formula");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("Fix:");
        });
        assertThat(findings).filteredOn(f -> f.task().equals("france-capital")).singleElement()
                .satisfies(f -> assertThat(f.abc()).containsExactly("O.a.1", "O.a.2"));
        assertThat(rejected(findings, "france-capital")).containsExactly("Paris.", "The answer is Paris.",
                "Paris, because that is what the question asks.");
        assertThat(rejected(findings, "metres-in-km")).contains("1,000", "1000.0", "The answer is 1000.");
        assertThat(rejected(findings, "half")).contains("0.50");
        // Its prompt asks for the formula only, so only the full stop counts against the anchored pattern.
        assertThat(rejected(findings, "water-formula")).containsExactly("H2O.");
    }

    @Test
    void aPromptAskingForTheBareAnswerMakesSentencesFairlyRejected() {
        Path suite = AuditFixture.suite(temp.resolve("bare"), "id: capitals\nmeasures: recall\nreward: {type: exact}\n",
                "{\"id\": \"told\", \"prompt\": \"What is the capital of Peru? Reply with the city name only.\", \"answer\": \"Lima\"}",
                "{\"id\": \"untold\", \"prompt\": \"What is the capital of Peru?\", \"answer\": \"Lima\"}");
        List<Finding> findings = findings(suite);

        assertThat(rejected(findings, "told")).containsExactly("Lima.");
        assertThat(rejected(findings, "untold")).containsExactly("Lima.", "The answer is Lima.",
                "Lima, because that is what the question asks.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice"})
    void cleanExamplesAcceptEveryEquivalentRendering(String example) {
        assertThat(findings(AuditFixture.example(example))).isEmpty();
    }

    @Test
    void caseIsNotTriedWhenTheCheckDeclaresItCaseSensitive() {
        Path suite = AuditFixture.suite(temp.resolve("codes"),
                "id: codes\nmeasures: recall\nreward: {type: exact, case_sensitive: true, normalize: [punctuation]}\n",
                "{\"id\": \"iata\", \"prompt\": \"What is the IATA code of Heathrow?\", \"answer\": \"LHR\"}");

        // "lhr" would fail, but the author said case matters; only the sentence renderings are rejected.
        assertThat(findings(suite)).singleElement().satisfies(f -> {
            assertThat(rejected(List.of(f), "iata")).containsExactly("The answer is LHR.",
                    "LHR, because that is what the question asks.");
            assertThat(f.abc()).containsExactly("O.a.2");
        });
    }

    @Test
    void aYearIsNotRewrittenAsAQuantity() {
        Path suite = AuditFixture.suite(temp.resolve("years"),
                "id: years\nmeasures: recall\nreward: {type: exact, normalize: [punctuation]}\n",
                "{\"id\": \"moon\", \"prompt\": \"In which year did Apollo 11 land?\", \"answer\": 1969}");

        assertThat(rejected(findings(suite), "moon")).doesNotContain("1,969", "1969.0").contains("The answer is 1969.");
    }

    @Test
    void jsonIsComparedByMeaningSoLayoutsPass() {
        Path suite = AuditFixture.suite(temp.resolve("json"), "id: records\nmeasures: extraction\nreward: {type: json}\n",
                "{\"id\": \"city\", \"prompt\": \"Give the city and its population as JSON.\","
                        + " \"answer\": {\"city\": \"Paris\", \"population\": 2102650, \"tags\": [\"capital\"]}}");

        assertThat(findings(suite)).isEmpty();
    }

    @Test
    void aCheckOfUnknownTypeGetsOnlySurroundingWhitespace() {
        assertThat(EquivalenceVariants.fairKinds(Options.of(Map.of("type", "similarity")), NUMBER_TASK))
                .containsExactly(Kind.WHITESPACE);
    }

    @Test
    void aCombinatorGetsOnlyTheRenderingsFairForEveryNestedCheck() {
        Options spec = Options.of(Map.of("type", "all", "checks", List.of(
                Map.of("type", "exact"), Map.of("type", "numeric"))));

        // exact alone would try case too; numeric does not, so the combination does not.
        assertThat(EquivalenceVariants.fairKinds(spec, NUMBER_TASK)).containsExactly(Kind.WHITESPACE, Kind.PUNCTUATION,
                Kind.NUMBER_FORM, Kind.SENTENCE, Kind.EXPLANATION);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rejected(List<Finding> findings, String task) {
        Finding finding = findings.stream().filter(f -> task.equals(f.task())).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) finding.evidence().get("rejected")).stream().map(row -> row.get("reply")).toList();
    }

    private static List<Finding> findings(Path suite) {
        return AuditFixture.of(AuditFixture.audit(suite, List.of(PROBE)), PROBE);
    }
}
