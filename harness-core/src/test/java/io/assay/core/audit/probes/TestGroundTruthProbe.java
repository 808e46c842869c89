package io.assay.core.audit.probes;

import static io.assay.core.audit.AuditFixture.audit;
import static io.assay.core.audit.AuditFixture.example;
import static io.assay.core.audit.AuditFixture.of;
import static io.assay.core.audit.AuditFixture.suite;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.testkit.ScriptedAuditContext;
import io.assay.testkit.Specs;
import io.assay.testkit.SuiteBuilder;
import io.assay.testkit.TaskBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestGroundTruthProbe {
    private static final String SUITE = """
            id: ground-truth-unit
            measures: probe tests
            canary: "assay-canary:unit"
            reward: {type: exact}
            """;

    @TempDir
    Path temp;

    @Test
    void flawedExampleNamesExactlyTheFlawedTasks() {
        List<Finding> findings = groundTruth(example("flawed/ground-truth"));

        assertThat(findings.stream().collect(Collectors.toMap(Finding::task, Finding::severity))).isEqualTo(Map.of(
                "australia", Severity.ERROR, "australia-b", Severity.ERROR,
                "water-boiling-b", Severity.WARNING,
                "light-speed", Severity.ERROR, "bye-bye-bye", Severity.ERROR,
                "france", Severity.ERROR));
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.abc()).containsExactly("T.7");
            assertThat(new GroundTruthProbe().covers()).containsAll(finding.abc());
            assertThat(finding.message()).contains("Fix:");
        });
        assertThat(task(findings, "australia").message()).contains("australia-b (\"Sydney\")", "\"Canberra\"");
        assertThat(task(findings, "australia-b").evidence().get("duplicates"))
                .isEqualTo(List.of(Map.of("task", "australia", "answer", "Canberra")));
        assertThat(task(findings, "water-boiling-b").message()).contains("repeats the prompt of task water-boiling");
        assertThat(task(findings, "light-speed").message()).contains("numeric", "about 300,000");
        assertThat(task(findings, "bye-bye-bye").evidence().get("error").toString()).contains("not a valid regular expression");
        assertThat(task(findings, "france").message()).contains("unrelated", "zq-unrelated-7731");
    }

    @Test
    void cleanExamplesHaveNoErrorsOrWarnings() {
        assertThat(groundTruth(example("arithmetic"))).isEmpty();
        assertThat(groundTruth(example("multiple-choice"))).isEmpty();
    }

    @Test
    void choiceAnswerOutsideTheLettersDoesNotFitItsCheck() {
        Path dir = suite(temp.resolve("choice"), SUITE.replace("{type: exact}", "{type: choice, letters: ABCD}"),
                """
                {"id": "gas", "prompt": "Main gas of air?\\nA) O2\\nB) N2\\nC) Ar\\nD) CO2", "answer": "E"}""",
                """
                {"id": "planet", "prompt": "Closest planet to the Sun?\\nA) Venus\\nB) Mercury\\nC) Mars\\nD) Earth", "answer": "B"}""");

        assertThat(groundTruth(dir)).singleElement().satisfies(finding -> {
            assertThat(finding.task()).isEqualTo("gas");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("one of the letters ABCD");
        });
    }

    @Test
    void repeatedQuestionWarnsOnEveryCopyAfterTheFirst() {
        Path dir = suite(temp.resolve("copies"), SUITE,
                """
                {"id": "one", "prompt": "Capital of Peru?", "answer": "Lima"}""",
                """
                {"id": "two", "prompt": "  capital OF\\tperu? ", "answer": "lima"}""",
                """
                {"id": "three", "prompt": "Capital of Peru?", "answer": "Lima"}""",
                """
                {"id": "other", "prompt": "Capital of Chile?", "answer": "Santiago"}""");

        List<Finding> findings = groundTruth(dir);

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("two", "three");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.message()).contains("task one", "counts 3 times");
        });
    }

    @Test
    void onlyACheckThatPassesEveryUnrelatedReplyAcceptsAnything() {
        Path dir = suite(temp.resolve("lax"), SUITE,
                """
                {"id": "dot-star", "prompt": "Name a colour.", "answer": "red", "reward": {"type": "regex", "pattern": ".*"}}""",
                """
                {"id": "any-letter", "prompt": "Name a colour.", "answer": "red", "reward": {"type": "regex", "pattern": "[a-z]"}}""",
                """
                {"id": "one-letter", "prompt": "Which vowel is most common in English?", "answer": "e", "reward": {"type": "contains"}}""",
                """
                {"id": "anchored", "prompt": "Name a primary colour.", "answer": "red", "reward": {"type": "regex", "pattern": "^(red|blue|yellow)$"}}""");

        List<Finding> findings = groundTruth(dir).stream().filter(f -> f.message().contains("unrelated")).toList();

        // "e" occurs in one unrelated reply but not the other: weak, but not a check that passes anything.
        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("dot-star", "any-letter");
    }

    @Test
    void conflictIsJudgedByTheChecksSoEquivalentAnswersAreNotAConflict() {
        Path dir = suite(temp.resolve("numbers"), SUITE.replace("{type: exact}", "{type: numeric}"),
                """
                {"id": "a", "prompt": "What is 2 + 2?", "answer": 4}""",
                """
                {"id": "b", "prompt": "What is 2 + 2?", "answer": "4.0"}""",
                """
                {"id": "c", "prompt": "What is 3 + 3?", "answer": 6}""",
                """
                {"id": "d", "prompt": "What is 3 + 3?", "answer": 7}""");

        List<Finding> findings = groundTruth(dir);

        assertThat(findings.stream().collect(Collectors.toMap(Finding::task, Finding::severity)))
                .isEqualTo(Map.of("b", Severity.WARNING, "c", Severity.ERROR, "d", Severity.ERROR));
    }

    @Test
    void outsideTheEmptyEnvironmentTasksWithDifferentMetadataAreDifferentQuestions() {
        Suite suite = SuiteBuilder.suite("env").environment(Specs.environment("docker")).reward(Specs.reward("exact"))
                .directory(temp)
                .task(repoTask("repo-1", "ok", "alpha"), repoTask("repo-2", "done", "beta"), repoTask("repo-3", "fine", "beta"))
                .build();
        // Grades every task by equality with its answer; runs no trials.
        ScriptedAuditContext exact = ScriptedAuditContext.of(suite).withRepeats(1).withCheck((t, output, environment) ->
                output.answer().equals(t.answer()) ? RewardResult.pass("equal") : RewardResult.fail("differs"));

        List<Finding> findings = GroundTruthDuplicates.find(exact, "ground-truth");

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("repo-2", "repo-3");
    }

    private static List<Finding> groundTruth(Path suite) {
        return of(audit(suite, List.of("ground-truth")), "ground-truth");
    }

    private static Task repoTask(String id, String answer, String repo) {
        return TaskBuilder.task(id).prompt("Make the failing test pass.").answer(answer).metadata("repo", repo).build();
    }

    private static Finding task(List<Finding> findings, String id) {
        return findings.stream().filter(f -> id.equals(f.task())).findFirst().orElseThrow();
    }
}
