package io.assay.core.audit.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.assay.core.audit.AuditFixture;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestNegationProbe {
    private static final String PROBE = "negation";

    @TempDir
    Path temp;

    @Test
    void namesTheTasksWhoseCheckPassesADenial() {
        List<Finding> findings = findings(AuditFixture.example("flawed/negation"));

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("apollo-year", "first-moonwalker");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.abc()).containsExactly("O.b.1");
            assertThat(f.message()).contains("Fix:");
        });
        assertThat(findings).filteredOn(f -> f.task().equals("apollo-year")).singleElement()
                .satisfies(f -> assertThat(f.evidence().get("passing")).asInstanceOf(MAP).containsKeys("not 1969", "The answer is not 1969."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice"})
    void cleanExamplesRejectDenials(String example) {
        assertThat(findings(AuditFixture.example(example))).isEmpty();
    }

    @Test
    void aTaskWhoseReferenceFailsIsLeftToTheSolvabilityProbe() {
        // The check rewards "not" instead of the answer: "not Armstrong" passes but the reference fails,
        // which is the solvability probe's finding; a denial of an unaccepted answer proves nothing.
        Path suite = AuditFixture.suite(temp.resolve("unsolvable"), "id: broken\nmeasures: recall\n"
                        + "reward: {type: regex, pattern: \"\\\\bnot\\\\b\"}\n",
                "{\"id\": \"moon\", \"prompt\": \"Who walked on the Moon first?\", \"answer\": \"Armstrong\"}");

        assertThat(findings(suite)).isEmpty();
    }

    private static List<Finding> findings(Path suite) {
        return AuditFixture.of(AuditFixture.audit(suite, List.of(PROBE)), PROBE);
    }
}
