package io.assay.core.audit.probes;

import static io.assay.core.audit.AuditFixture.audit;
import static io.assay.core.audit.AuditFixture.example;
import static io.assay.core.audit.AuditFixture.of;
import static io.assay.core.audit.AuditFixture.suite;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.AuditSettings;
import io.assay.core.audit.Auditor;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestGraderDeterminismProbe {
    private static final String PROBE = "grader-determinism";

    @TempDir
    Path temp;

    @Test
    void checkWithHiddenStateIsNamedWithTheDifferingResults() throws URISyntaxException {
        List<Finding> findings = of(audit(nondeterministicSuite(), List.of(PROBE)), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("add-2", "add-4");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.abc()).containsExactly("O.f.2");
            assertThat(new GraderDeterminismProbe().covers()).containsAll(finding.abc());
            assertThat(finding.message()).contains("3 times", "Fix:");
        });
        Finding add2 = findings.stream().filter(f -> f.task().equals("add-2")).findFirst().orElseThrow();
        List<?> replies = (List<?>) add2.evidence().get("replies");
        assertThat(replies).hasSize(2);
        Map<?, ?> reference = (Map<?, ?>) replies.getFirst();
        assertThat(reference.get("answer")).isEqualTo("44");
        List<Object> passed = ((List<?>) reference.get("results")).stream()
                .<Object>map(result -> ((Map<?, ?>) result).get("passed")).toList();
        assertThat(passed).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void cleanExamplesGradeTheSameEveryTime() {
        assertThat(of(audit(example("arithmetic"), List.of(PROBE)), PROBE)).isEmpty();
        assertThat(of(audit(example("multiple-choice"), List.of(PROBE)), PROBE)).isEmpty();
    }

    @Test
    void checkThatAlwaysThrowsIsLeftToTheGroundTruthProbe() {
        Path dir = suite(temp.resolve("broken"), """
                id: broken-grader
                reward: {type: broken}
                """, """
                {"id": "q", "prompt": "Capital of Peru?", "answer": "Lima"}""");

        assertThat(of(audit(dir, List.of(PROBE)), PROBE)).isEmpty();
    }

    @Test
    void gradesAtLeastTwiceEvenWithOneRepeat() throws Exception {
        Auditor auditor = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of())).getInstance(Auditor.class);

        List<Finding> findings = of(auditor.audit(nondeterministicSuite(),
                new AuditSettings(1, Duration.ofSeconds(30), List.of(PROBE)), probe -> { }), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("add-2", "add-4");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.evidence()).containsEntry("repeats", 2));
    }

    private static Path nondeterministicSuite() throws URISyntaxException {
        return Path.of(TestGraderDeterminismProbe.class.getResource("/suites/nondeterministic-grader").toURI());
    }
}
