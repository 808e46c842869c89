package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.assay.spi.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every probe together: the clean examples stay clean, and every flawed example is caught. */
class TestAuditOfExamples {

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "multiple-choice"})
    void cleanExamplesHaveNoErrorsOrWarnings(String example) {
        AuditReport report = AuditFixture.audit(AuditFixture.example(example));

        assertThat(report.findings()).filteredOn(f -> f.severity() != Finding.Severity.INFO).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.severity() == Finding.Severity.INFO).isNotEmpty();
        assertThat(report.summary().get("probes")).asInstanceOf(LIST).hasSize(9);
    }

    @ParameterizedTest
    @MethodSource("flawedExamples")
    void everyFlawedExampleIsCaught(Path example) {
        AuditReport report = AuditFixture.audit(example);

        assertThat(report.findings()).as(example.toString())
                .anyMatch(f -> f.severity() != Finding.Severity.INFO);
    }

    static Stream<Path> flawedExamples() throws IOException {
        try (Stream<Path> entries = Files.list(AuditFixture.example("flawed"))) {
            // Suites in the retail tool environment need that plugin; its own tests audit them.
            List<Path> examples = entries.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("retail-")).sorted().toList();
            assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
            return examples.stream();
        }
    }
}
