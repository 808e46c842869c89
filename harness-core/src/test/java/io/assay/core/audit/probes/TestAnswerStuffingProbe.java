package io.assay.core.audit.probes;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditFixture;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestAnswerStuffingProbe {
    private static final String PROBE = "answer-stuffing";

    @TempDir
    Path temp;

    @Test
    void namesTheSubstringGradedTasksAStuffedReplyPasses() {
        List<Finding> findings = findings(AuditFixture.example("flawed/answer-stuffing"));

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("australia", "canada", "brazil");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.abc()).containsExactly("O.b.2");
            assertThat(f.message()).contains("Fix:");
        });
        assertThat(findings).filteredOn(f -> f.task().equals("canada")).singleElement()
                .satisfies(f -> assertThat(f.evidence().get("reply")).asString().contains("Canberra", "Ottawa", "Brasília"))
                .satisfies(f -> assertThat(f.evidence().get("explanation")).asString().contains("contains expected \"Ottawa\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice"})
    void cleanExamplesAreNotFooled(String example) {
        assertThat(findings(AuditFixture.example(example))).isEmpty();
    }

    @Test
    void aNumberFoundAnywhereInTheReplyIsFooledByListingNumbers() {
        Path suite = AuditFixture.suite(temp.resolve("regex"), "id: counts\nmeasures: counting\nreward: {type: regex}\n",
                "{\"id\": \"legs\", \"prompt\": \"How many legs has a spider?\", \"answer\": \"\\\\b8\\\\b\", \"solution\": \"8\"}");

        assertThat(findings(suite)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("listed", "the numbers 0 to 100"));
    }

    @Test
    void theRightAnswerIsNeverLastSoReadingTheLastNumberIsNotFooled() {
        Path suite = AuditFixture.suite(temp.resolve("last"),
                "id: counts\nmeasures: counting\nreward: {type: numeric, extract: last}\n",
                "{\"id\": \"legs\", \"prompt\": \"How many legs has a spider?\", \"answer\": 8}",
                "{\"id\": \"hundred\", \"prompt\": \"How many centimetres in a metre?\", \"answer\": 100}",
                "{\"id\": \"name\", \"prompt\": \"Name a spider.\", \"answer\": \"tarantula\", \"reward\": {\"type\": \"exact\"}}");

        assertThat(findings(suite)).isEmpty();
    }

    @Test
    void aSuiteTooSmallToHideTheAnswerAmongOthersIsNotJudged() {
        Path suite = AuditFixture.suite(temp.resolve("tiny"), "id: tiny\nmeasures: recall\nreward: {type: contains}\n",
                "{\"id\": \"france\", \"prompt\": \"Capital of France?\", \"answer\": \"Paris\"}",
                "{\"id\": \"italy\", \"prompt\": \"Capital of Italy?\", \"answer\": \"Rome\"}");

        assertThat(findings(suite)).isEmpty();
    }

    private static List<Finding> findings(Path suite) {
        return AuditFixture.of(AuditFixture.audit(suite, List.of(PROBE)), PROBE);
    }
}
