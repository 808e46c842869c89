package com.example.assay.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.testkit.Checks;
import io.assay.testkit.Grade;
import io.assay.testkit.Specs;
import io.assay.testkit.TaskBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSimilarityCheck {

    @Test
    void identicalTextScoresOneAndPasses() throws Exception {
        RewardResult result = grade(check(), "Paris", "Paris");

        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void caseAndSurroundingBlanksAreIgnored() throws Exception {
        assertThat(grade(check(), "New York", "  new YORK\n").score()).isEqualTo(1.0);
    }

    @Test
    void scoreIsOneMinusEditDistanceOverTheLongerLength() throws Exception {
        // kitten -> sitting takes 3 edits; the longer text has 7 characters.
        RewardResult result = grade(check(), "sitting", "kitten");

        assertThat(result.score()).isCloseTo(1.0 - 3.0 / 7.0, within(1e-12));
        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).isEqualTo("similarity 0.571 < threshold 0.800");
    }

    @Test
    void thresholdDecidesPassing() throws Exception {
        RewardResult result = grade(check("threshold", 0.5), "sitting", "kitten");

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).isEqualTo("similarity 0.571 >= threshold 0.500");
        assertThat(result.evidence()).containsEntry("threshold", 0.5).containsEntry("expected", "sitting");
    }

    @Test
    void emptyAnswerToEmptyExpectationIsIdentical() throws Exception {
        assertThat(grade(check(), "", "   ").score()).isEqualTo(1.0);
    }

    @Test
    void unrelatedTextScoresZero() throws Exception {
        assertThat(grade(check(), "abc", "xyz").score()).isEqualTo(0.0);
    }

    @Test
    void numericAnswersCompareAsText() throws Exception {
        RewardCheck check = check();

        assertThat(grade(check, 42, "42").passed()).isTrue();
        assertThat(grade(check, new BigDecimal("1E+3"), "1000").passed()).isTrue();
    }

    @Test
    void structuredAnswerIsRejectedAsASuiteError() {
        Task task = TaskBuilder.task("q1").answer(List.of("a", "b")).build();

        assertThatThrownBy(() -> Grade.answer(check(), task, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task 'q1' has a structured answer");
    }

    @Test
    void thresholdOutsideZeroToOneIsRejected() throws Exception {
        for (double threshold : new double[] {0.0, -0.1, 1.5}) {
            assertThatThrownBy(() -> check("threshold", threshold))
                    .isInstanceOfSatisfying(InvalidOptionException.class,
                            e -> assertThat(e.field()).isEqualTo("reward.threshold"))
                    .hasMessageContaining("expected a number greater than 0 and at most 1");
        }
        assertThat(grade(check("threshold", 1), "a", "a").passed()).isTrue();
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> check("treshold", 0.5))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.treshold"));
    }

    /** The check as a suite's {@code reward: {type: similarity, ...}} creates it, through the plugin. */
    private static RewardCheck check(Object... options) {
        return Checks.of(new SimilarityPlugin()).create(Specs.reward("similarity", options));
    }

    private static RewardResult grade(RewardCheck check, Object expected, String answer) throws InterruptedException {
        return Grade.answer(check, TaskBuilder.task("q1").answer(expected).build(), answer);
    }
}
