package io.assay.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reply loading makes a task's oracle solution, graded once, and the one a shard takes ungraded. */
class TestReferenceAnswers {

    private static Task task(Object answer, Object solution) {
        return new Task("t", "prompt", answer, solution, Map.of(), null);
    }

    @Test
    void theFirstReadingIsTheReplyGradingGivesWhenNoReadingPasses() throws Exception {
        RewardCheck failsAll = (task, output, environment) -> RewardResult.fail("no");
        List<Object> answers = new ArrayList<>(List.of("42", 42, 4.5, true, List.of("a", "b"), List.of(Map.of("x", 1), "y"),
                List.of(Map.of("x", 1)), Map.of("k", "v"), List.of()));
        answers.add(null);
        for (Object answer : answers) {
            Task task = task(answer, answer);
            assertThat(ReferenceAnswers.firstReading(task)).as("answer %s", answer)
                    .isEqualTo(ReferenceAnswers.reference(task, failsAll).reply());
        }
        Task withSolution = task(42, "The answer is 42.");
        assertThat(ReferenceAnswers.firstReading(withSolution)).isEqualTo("The answer is 42.")
                .isEqualTo(ReferenceAnswers.reference(withSolution, failsAll).reply());
    }

    @Test
    void eachReadingIsGradedOnceAndThePassingOneKeepsItsVerdict() throws Exception {
        List<String> graded = new ArrayList<>();
        RewardCheck acceptsB = (task, output, environment) -> {
            graded.add(output.answer());
            return output.answer().equals("b") ? RewardResult.pass("b") : RewardResult.fail("not b");
        };

        ReferenceAnswers.Reference reference = ReferenceAnswers.reference(task(List.of("a", "b", "c"), null), acceptsB);

        assertThat(reference.reply()).isEqualTo("b");
        assertThat(reference.verdict()).hasValueSatisfying(verdict -> assertThat(verdict.explanation()).isEqualTo("b"));
        assertThat(graded).containsExactly("a", "b");
    }
}
