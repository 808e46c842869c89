package io.assay.core.audit.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.assay.core.audit.AuditFixture;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestTrivialAgentsProbe {
    private static final String PROBE = "trivial-agents";
    private static final String CHOICE_SUITE = "id: quiz\nmeasures: recall\nreward: {type: choice, letters: ABCD}\n";
    private static final String EXACT_SUITE = "id: facts\nmeasures: recall\nreward: {type: exact}\n";

    @TempDir
    Path temp;

    @Test
    void namesEveryTaskAnEmptyReplyARefusalOrAnEchoPasses() {
        List<Finding> findings = findings(AuditFixture.example("flawed/trivial-pass"));

        assertThat(findings).filteredOn(f -> f.task() != null)
                .extracting(Finding::task, f -> f.evidence().get("strategy"), Finding::severity, Finding::abc)
                .containsExactlyInAnyOrder(
                        tuple("refund-none", "empty", Severity.ERROR, List.of("T.10")),
                        tuple("sunday-hours", "refusal", Severity.ERROR, List.of("T.10")),
                        tuple("sunday-hours", "echo", Severity.ERROR, List.of("T.10")),
                        tuple("larger-planet", "echo", Severity.ERROR, List.of("T.10")));
        assertThat(findings).filteredOn(f -> "refund-none".equals(f.task())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("An empty answer passes", "Fix:"))
                .satisfies(f -> assertThat(f.evidence().get("explanation")).asString().contains("pattern"));
        assertThat(findings).filteredOn(f -> f.task() == null && f.severity() != Severity.INFO).isEmpty();
    }

    @Test
    void alwaysAnsweringTheFavouriteLetterIsAnErrorWellAboveChance() {
        List<Finding> findings = findings(AuditFixture.example("flawed/constant-answer"));

        assertThat(findings).filteredOn(f -> f.severity() != Severity.INFO).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.task()).isNull();
            assertThat(f.abc()).containsExactly("T.10", "O.h.2");
            assertThat(f.evidence()).containsEntry("strategy", "letter-A").containsEntry("chance", 0.25)
                    .containsEntry("passed", List.of("fire-extinguisher", "lifting", "spill", "ladder", "exit-sign"));
            assertThat(f.message()).contains("5 of 6", "Fix:");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice"})
    void cleanExamplesOnlyGetTheBaselinesAsInformation(String example) {
        List<Finding> findings = findings(AuditFixture.example(example));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.abc()).containsExactly("R.13");
            assertThat(f.evidence().get("baselines")).asList().isNotEmpty();
        });
    }

    @Test
    void aBalancedChoiceSuiteScoresChanceAndIsNoFinding() {
        assertThat(nonInfo(choiceSuite(10, 10, 10, 10))).isEmpty();
    }

    @Test
    void aLetterSomewhatAboveChanceIsAWarning() {
        // 17 of 40 = 42.5%: above 25% + 2 standard errors (38.7%), below the error line of 50%.
        assertThat(nonInfo(choiceSuite(17, 8, 8, 7))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).containsEntry("strategy", "letter-A");
        });
    }

    @Test
    void aLetterWithinTwoStandardErrorsOfChanceIsNoFinding() {
        // 15 of 40 = 37.5%: more than 10 points above chance, but within 2 standard errors.
        assertThat(nonInfo(choiceSuite(15, 9, 8, 8))).isEmpty();
    }

    @Test
    void aRepeatedFreeTextAnswerIsJudgedAgainstZeroChance() {
        assertThat(nonInfo(yesSuite(3, 7))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence()).containsEntry("strategy", "constant").containsEntry("reply", "yes");
        });
        assertThat(nonInfo(yesSuite(2, 10))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(nonInfo(yesSuite(1, 9))).isEmpty();
    }

    @Test
    void chanceCountsTheOptionsThePromptsOfferNotTheLettersTheKeyUses() {
        // Four options in every prompt, but the key only ever says A (22 times) or B (18 times):
        // judged by the key's own letters, chance would be 50% and "always A" (55%) unremarkable.
        // Against the real 25%, A is an error and B (45%) a warning.
        String[] styles = {"%s\nA) %s\nB) %s\nC) %s\nD) %s\nAnswer with the letter.",
                "%s (A) %s (B) %s (C) %s (D) %s", "%s\nA. %s\nB. %s\nC. %s\nD. %s"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String prompt = styles[i % 3].formatted("Which element has atomic number " + (i + 1) + "?",
                    "el-" + i, "el-" + (i + 1), "el-" + (i + 2), "el-" + (i + 3));
            lines.add("{\"id\": \"z" + i + "\", \"prompt\": \"" + prompt.replace("\n", "\\n")
                    + "\", \"answer\": \"" + (i < 22 ? "A" : "B") + "\"}");
        }
        List<Finding> findings = findings(AuditFixture.suite(temp.resolve("narrow-key"),
                "id: elements\nmeasures: recall\nreward: {type: choice}\n", lines.toArray(String[]::new)));

        assertThat(nonInfo(findings)).extracting(f -> f.evidence().get("strategy"), Finding::severity)
                .containsExactly(tuple("letter-A", Severity.ERROR), tuple("letter-B", Severity.WARNING));
        assertThat(nonInfo(findings).getFirst()).satisfies(f -> {
            assertThat(f.abc()).containsExactly("T.10", "O.h.2");
            assertThat(f.evidence()).containsEntry("chance", 0.25)
                    .containsEntry("pass_rate", 0.55)
                    .containsEntry("answer_key", Map.of("A", 22, "B", 18, "C", 0, "D", 0));
            assertThat(f.message()).contains("22 of 40 tasks (55%)", "25% chance", "A 22, B 18, C 0, D 0");
        });
    }

    @Test
    void lettersAreScoredOnTheChoiceTasksOnly() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add("{\"id\": \"c" + i + "\", \"prompt\": \"Pick.\", \"answer\": \"" + "ABCD".charAt(i) + "\"}");
            lines.add("{\"id\": \"t" + i + "\", \"prompt\": \"Name " + i + ".\", \"answer\": \"word" + i
                    + "\", \"reward\": {\"type\": \"exact\"}}");
        }
        Finding info = findings(AuditFixture.suite(temp.resolve("mixed"), CHOICE_SUITE, lines.toArray(String[]::new)))
                .stream().filter(f -> f.severity() == Severity.INFO).findFirst().orElseThrow();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> baselines = (List<Map<String, Object>>) info.evidence().get("baselines");
        assertThat(baselines).filteredOn(row -> row.get("strategy").equals("letter-B")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("tasks", 4).containsEntry("score", 0.25)
                        .containsEntry("chance", 0.25));
    }

    private List<Finding> choiceSuite(int... perLetter) {
        List<String> lines = new ArrayList<>();
        for (int letter = 0; letter < perLetter.length; letter++) {
            for (int i = 0; i < perLetter[letter]; i++) {
                lines.add("{\"id\": \"q" + letter + "-" + i + "\", \"prompt\": \"Question " + letter + "-" + i
                        + "?\\nA) w\\nB) x\\nC) y\\nD) z\", \"answer\": \"" + "ABCD".charAt(letter) + "\"}");
            }
        }
        return findings(AuditFixture.suite(temp.resolve("choice"), CHOICE_SUITE, lines.toArray(String[]::new)));
    }

    private List<Finding> yesSuite(int yes, int distinct) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < yes; i++) {
            lines.add("{\"id\": \"y" + i + "\", \"prompt\": \"Is rule " + i + " met?\", \"answer\": \"yes\"}");
        }
        for (int i = 0; i < distinct; i++) {
            lines.add("{\"id\": \"n" + i + "\", \"prompt\": \"Name item " + i + ".\", \"answer\": \"item-" + i + "\"}");
        }
        return findings(AuditFixture.suite(temp.resolve("yes-" + yes), EXACT_SUITE, lines.toArray(String[]::new)));
    }

    private static List<Finding> nonInfo(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
    }

    private static List<Finding> findings(Path suite) {
        return AuditFixture.of(AuditFixture.audit(suite, List.of(PROBE)), PROBE);
    }
}
