package io.assay.core.audit.probes;

import static io.assay.core.audit.AuditFixture.audit;
import static io.assay.core.audit.AuditFixture.example;
import static io.assay.core.audit.AuditFixture.of;
import static io.assay.core.audit.AuditFixture.suite;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSolvabilityProbe {
    private static final String SUITE = """
            id: solvability-unit
            measures: probe tests
            canary: "assay-canary:unit"
            reward: {type: exact}
            """;

    @TempDir
    Path temp;

    @Test
    void unsolvableExampleNamesExactlyTheTasksWhoseReferenceFails() {
        List<Finding> findings = solvability(example("flawed/unsolvable"));

        assertThat(findings).extracting(Finding::task)
                .containsExactlyInAnyOrder("mile-to-km", "day-to-seconds", "kg-to-g");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.abc()).containsExactly("T.8", "T.9");
            assertThat(new SolvabilityProbe().covers()).containsAll(finding.abc());
            assertThat(finding.message()).contains("Fix:");
        });
        Finding tooPrecise = task(findings, "mile-to-km");
        assertThat(tooPrecise.evidence()).containsEntry("answer", "1.609344").containsEntry("outcome", "completed")
                .containsEntry("passed", false);
        assertThat((String) tooPrecise.evidence().get("explanation")).contains("1.609344", "1.609");
        Finding unreadableAnswer = task(findings, "kg-to-g");
        assertThat(unreadableAnswer.evidence()).containsEntry("outcome", "harness_error");
        assertThat(unreadableAnswer.message()).contains("harness error", "numeric", "2 500");
    }

    @Test
    void cleanExamplesAreSolvable() {
        assertThat(solvability(example("arithmetic"))).isEmpty();
        assertThat(solvability(example("multiple-choice"))).isEmpty();
    }

    @Test
    void repeatsThatDisagreeAreFlakinessNamingHowManyPassed() throws URISyntaxException {
        List<Finding> findings = solvability(resource("nondeterministic-grader"));

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("add-2", "add-4");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.abc()).containsExactly("O.f.2", "T.9");
            assertThat(new SolvabilityProbe().covers()).containsAll(finding.abc());
            assertThat(finding.message()).containsPattern("[12] of 3 got full reward");
            assertThat(finding.evidence()).containsEntry("repeats", 3);
            assertThat((List<?>) finding.evidence().get("trials")).hasSize(3);
        });
    }

    @Test
    void passingWithoutFullRewardIsNotSolved() {
        // exact passes "Paris", the digits-only regex does not: score 0.5, enough for threshold 0.5.
        Path dir = suite(temp.resolve("partial"), SUITE,
                """
                {"id": "half", "prompt": "Capital of France?", "answer": "Paris", "reward": {"type": "weighted", \
                "threshold": 0.5, "checks": [{"check": {"type": "exact"}, "weight": 1}, \
                {"check": {"type": "regex", "pattern": "^[0-9]+$"}, "weight": 1}]}}""",
                """
                {"id": "whole", "prompt": "Capital of Peru?", "answer": "Lima"}""");

        List<Finding> findings = solvability(dir);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.task()).isEqualTo("half");
            assertThat(finding.message()).contains("score 0.5 instead of full reward");
            assertThat(finding.evidence()).containsEntry("score", 0.5).containsEntry("passed", true);
        });
    }

    @Test
    void graderThatThrowsIsReportedWithItsError() {
        Path dir = suite(temp.resolve("broken"), SUITE,
                """
                {"id": "ok", "prompt": "Capital of Peru?", "answer": "Lima"}""",
                """
                {"id": "crash", "prompt": "Capital of Chad?", "answer": "N'Djamena", "reward": {"type": "broken"}}""");

        List<Finding> findings = solvability(dir);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.task()).isEqualTo("crash");
            assertThat(finding.evidence()).containsEntry("outcome", "harness_error")
                    .containsEntry("answer", "N'Djamena");
            assertThat((String) finding.evidence().get("error")).contains("grader bug");
        });
    }

    @Test
    void solutionThatDisagreesWithTheAnswerShowsBoth() {
        Path dir = suite(temp.resolve("disagree"), SUITE,
                """
                {"id": "wrong-reference", "prompt": "Capital of Turkey?", "answer": "Ankara", "solution": "Istanbul"}""");

        assertThat(solvability(dir)).singleElement().satisfies(finding -> assertThat(finding.evidence())
                .containsAllEntriesOf(Map.of("answer", "Istanbul", "expected", "Ankara")));
    }

    private static List<Finding> solvability(Path suite) {
        return of(audit(suite, List.of("solvability")), "solvability");
    }

    private static Finding task(List<Finding> findings, String id) {
        return findings.stream().filter(f -> id.equals(f.task())).findFirst().orElseThrow();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TestSolvabilityProbe.class.getResource("/suites/" + name).toURI());
    }
}
