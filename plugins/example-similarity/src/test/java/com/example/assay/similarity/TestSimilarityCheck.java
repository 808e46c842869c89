package com.example.assay.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestSimilarityCheck {

    @Test
    void identicalTextScoresOneAndPasses() throws InterruptedException {
        RewardResult result = grade(check(Map.of()), "Paris", "Paris");

        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void caseAndSurroundingBlanksAreIgnored() throws InterruptedException {
        assertThat(grade(check(Map.of()), "New York", "  new YORK\n").score()).isEqualTo(1.0);
    }

    @Test
    void scoreIsOneMinusEditDistanceOverTheLongerLength() throws InterruptedException {
        // kitten -> sitting takes 3 edits; the longer text has 7 characters.
        RewardResult result = grade(check(Map.of()), "sitting", "kitten");

        assertThat(result.score()).isCloseTo(1.0 - 3.0 / 7.0, within(1e-12));
        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).isEqualTo("similarity 0.571 < threshold 0.800");
    }

    @Test
    void thresholdDecidesPassing() throws InterruptedException {
        RewardResult result = grade(check(Map.of("threshold", 0.5)), "sitting", "kitten");

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).isEqualTo("similarity 0.571 >= threshold 0.500");
        assertThat(result.evidence()).containsEntry("threshold", 0.5).containsEntry("expected", "sitting");
    }

    @Test
    void emptyAnswerToEmptyExpectationIsIdentical() throws InterruptedException {
        assertThat(grade(check(Map.of()), "", "   ").score()).isEqualTo(1.0);
    }

    @Test
    void unrelatedTextScoresZero() throws InterruptedException {
        assertThat(grade(check(Map.of()), "abc", "xyz").score()).isEqualTo(0.0);
    }

    @Test
    void numericAnswersCompareAsText() throws InterruptedException {
        RewardCheck check = check(Map.of());

        assertThat(grade(check, 42, "42").passed()).isTrue();
        assertThat(grade(check, new BigDecimal("1E+3"), "1000").passed()).isTrue();
    }

    @Test
    void structuredAnswerIsRejectedAsASuiteError() {
        Task task = new Task("q1", "", List.of("a", "b"), null, null, null);

        assertThatThrownBy(() -> check(Map.of()).check(task, AgentOutput.of("a"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task 'q1' has a structured answer");
    }

    @Test
    void thresholdOutsideZeroToOneIsRejected() throws InterruptedException {
        for (double threshold : new double[] {0.0, -0.1, 1.5}) {
            assertThatThrownBy(() -> check(Map.of("threshold", threshold)))
                    .isInstanceOfSatisfying(InvalidOptionException.class,
                            e -> assertThat(e.field()).isEqualTo("reward.threshold"))
                    .hasMessageContaining("expected a number greater than 0 and at most 1");
        }
        assertThat(grade(check(Map.of("threshold", 1)), "a", "a").passed()).isTrue();
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> check(Map.of("treshold", 0.5)))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.treshold"));
    }

    private static RewardCheck check(Map<String, Object> options) {
        Map<String, Object> spec = new LinkedHashMap<>(options);
        spec.put("type", "similarity");
        return new SimilarityCheckFactory().create(new Options("reward", spec), nested -> {
            throw new AssertionError("similarity has no nested checks");
        });
    }

    private static RewardResult grade(RewardCheck check, Object expected, String answer) throws InterruptedException {
        return check.check(new Task("q1", "", expected, null, null, null), AgentOutput.of(answer), Optional.empty());
    }
}
