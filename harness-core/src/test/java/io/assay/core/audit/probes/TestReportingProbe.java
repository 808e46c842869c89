package io.assay.core.audit.probes;

import static io.assay.core.audit.AuditFixture.audit;
import static io.assay.core.audit.AuditFixture.example;
import static io.assay.core.audit.AuditFixture.of;
import static io.assay.core.audit.AuditFixture.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportingProbe {
    private static final String PROBE = "reporting";

    @TempDir
    Path temp;

    @Test
    void missingMeasuresAndCanaryAreSuiteLevelWarnings() {
        List<Finding> findings = reporting(example("flawed/missing-reporting"));

        assertThat(findings).extracting(Finding::severity, Finding::abc).containsExactlyInAnyOrder(
                tuple(Severity.WARNING, List.of("R.5")),
                tuple(Severity.WARNING, List.of("R.3")),
                tuple(Severity.INFO, List.of("R.10")));
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.task()).isNull();
            assertThat(new ReportingProbe().covers()).containsAll(finding.abc());
        });
        assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
                .allSatisfy(finding -> assertThat(finding.message()).contains("Fix:"));
    }

    @Test
    void cleanExamplesGetOnlyTheirPrecision() {
        List<Finding> arithmetic = reporting(example("arithmetic"));
        List<Finding> multipleChoice = reporting(example("multiple-choice"));

        assertThat(arithmetic).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.message()).contains("With 20 tasks", "±21.9 percentage points", "more than 31.0 points");
            assertThat(finding.evidence()).containsEntry("tasks", 20).containsEntry("ci95_half_width", 0.2191)
                    .containsEntry("min_detectable_difference", 0.3099);
        });
        assertThat(multipleChoice).singleElement().satisfies(finding ->
                assertThat(finding.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void blankMeasuresAndCanaryCountAsMissing() {
        Path dir = suite(temp.resolve("blank"), """
                id: blank-claims
                measures: "   "
                canary: ""
                reward: {type: exact}
                """, """
                {"id": "q", "prompt": "Capital of Peru?", "answer": "Lima"}""");

        assertThat(reporting(dir)).filteredOn(f -> f.severity() == Severity.WARNING)
                .extracting(f -> f.abc().getFirst()).containsExactlyInAnyOrder("R.5", "R.3");
    }

    @Test
    void intervalNarrowsWithTheSquareRootOfTheTaskCount() {
        String[] tasks = IntStream.range(0, 100)
                .mapToObj(i -> "{\"id\": \"q" + i + "\", \"prompt\": \"What is " + i + " + 1?\", \"answer\": \"" + (i + 1) + "\"}")
                .toArray(String[]::new);
        Path dir = suite(temp.resolve("hundred"), """
                id: hundred
                measures: counting
                canary: "assay-canary:unit"
                reward: {type: exact}
                """, tasks);

        assertThat(reporting(dir)).singleElement().satisfies(finding -> {
            assertThat(finding.evidence()).containsEntry("ci95_half_width", 0.098)
                    .containsEntry("min_detectable_difference", 0.1386);
            assertThat(finding.message()).contains("±9.8 percentage points");
        });
    }

    private static List<Finding> reporting(Path suite) {
        return of(audit(suite, List.of(PROBE)), PROBE);
    }
}
