package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestNumericCheck {
    private static final Map<String, Object> STRICT = Map.of("type", "numeric");
    private static final Map<String, Object> LAST = Map.of("type", "numeric", "extract", "last");

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "42|42", "' 42 '|42", "42.|42", "42.0|42", "+42|42", "1,000|1000", "1,234.5|1234.5", "1e3|1000",
            "1.5E-2|0.015", "$5|5", "-$5|-5", "$-5|-5", "-3|-3", "\u22123|-3", "50%|50", ".5|0.5", "£1,000,000|1000000"})
    void strictAcceptsCommonNumberForms(String answer, String expected) {
        assertThat(grade(STRICT, new BigDecimal(expected), answer).passed()).as(answer).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not one number")
    @ValueSource(strings = {"not 42", "about 42", "42 or 43", "41 42 43", "1 234", "42 apples", "", "forty-two",
            "1,23", "42!", "4 2", "1e9999"})
    void strictRejectsAnythingButOneNumber(String answer) {
        RewardResult result = grade(STRICT, answer.equals("1 234") ? 1234 : 42, answer);

        assertThat(result.passed()).as(answer).isFalse();
        assertThat(result.explanation()).contains("is not a single number");
    }

    @Test
    void comparesExactDecimalsWithoutTolerance() {
        assertThat(grade(STRICT, new BigDecimal("1000.0"), "1000").passed()).isTrue();
        assertThat(grade(STRICT, 1000, "1,000.00").passed()).isTrue();
        assertThat(grade(STRICT, 1000L, "1000.0001").passed()).isFalse();
        assertThat(grade(STRICT, new BigDecimal("0.3"), "0.30000000000000004").passed()).isFalse();
        assertThat(grade(STRICT, 0.1, "0.1").passed()).isTrue();
    }

    @Test
    void explanationAndEvidenceShowBothNumbers() {
        RewardResult result = grade(STRICT, 42, "41");

        assertThat(result.explanation()).isEqualTo("got 41 vs expected 42: differs by 1, more than tolerance 0");
        assertThat(result.evidence()).containsEntry("expected", 42)
                .containsEntry("got", "41")
                .containsEntry("normalized_expected", new BigDecimal("42"))
                .containsEntry("normalized_got", new BigDecimal("41"))
                .containsEntry("difference", BigDecimal.ONE);
    }

    @Test
    void expectedMayBeANumericString() {
        assertThat(grade(STRICT, "1,000", "1000").passed()).isTrue();
        assertThat(grade(STRICT, "$12.50", "12.5").passed()).isTrue();
    }

    @Test
    void absoluteTolerance() {
        Map<String, Object> spec = Map.of("type", "numeric", "abs_tol", new BigDecimal("0.01"));

        assertThat(grade(spec, new BigDecimal("3.14159"), "3.14").passed()).isTrue();
        RewardResult miss = grade(spec, new BigDecimal("3.14159"), "3.13");
        assertThat(miss.passed()).isFalse();
        assertThat(miss.explanation()).contains("more than tolerance 0.01");
        assertThat(grade(spec, 1, "1.01").passed()).as("the boundary is inclusive").isTrue();
    }

    @Test
    void relativeToleranceScalesWithTheExpectedMagnitude() {
        Map<String, Object> spec = Map.of("type", "numeric", "rel_tol", 0.01);

        assertThat(grade(spec, 200, "202").passed()).isTrue();
        assertThat(grade(spec, 200, "202.5").passed()).isFalse();
        assertThat(grade(spec, -200, "-198").passed()).isTrue();
    }

    @Test
    void lastTakesTheFinalNumberOfALongerReply() {
        RewardResult result = grade(LAST, 42, "First 6 * 7, so the answer is 42.");

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).contains("got 42 (last number in", "expected 42");
        assertThat(result.evidence()).containsEntry("extracted", "42");
        assertThat(grade(LAST, 10, "a range of 5-10").passed()).isTrue();
        assertThat(grade(LAST, 2, "H2O is water").passed()).as("digits inside words are not numbers").isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is negated")
    @ValueSource(strings = {"The answer is not 42.", "It isn't 42", "it is not equal to 42", "never 42",
            "It\u2019s not 42", "Surely not \"42\""})
    void lastRejectsANegatedFinalNumber(String answer) {
        RewardResult result = grade(LAST, 42, answer);

        assertThat(result.passed()).as(answer).isFalse();
        assertThat(result.explanation()).contains("is negated");
        assertThat(result.evidence()).containsEntry("negated", true);
    }

    @Test
    void lastIsNotFooledByNegationOfAnEarlierNumber() {
        assertThat(grade(LAST, 42, "Not 41. No, 42").passed()).isTrue();
        assertThat(grade(LAST, 42, "The answer is 42, not 41").passed())
                .as("documented: only the last number is read").isFalse();
        assertThat(grade(LAST, 42, "Candidates: 12, 41, 42").passed())
                .as("documented: a list ending in the answer passes").isTrue();
    }

    @Test
    void lastWithNoNumberFails() {
        assertThat(grade(LAST, 42, "I do not know").explanation()).contains("contains no number");
    }

    @Test
    void nonNumericGroundTruthIsAHarnessError() {
        assertThatThrownBy(() -> grade(STRICT, "forty-two", "42"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task-7")
                .hasMessageContaining("must be a number or a numeric string")
                .hasMessageContaining("forty-two");
        assertThatThrownBy(() -> grade(STRICT, List.of(42), "42")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> grade(STRICT, Double.NaN, "42")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadOptionsNamingTheField() {
        assertThatThrownBy(() -> check(Map.of("type", "numeric", "abs_tol", -1)))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.abs_tol"));
        assertThatThrownBy(() -> check(Map.of("type", "numeric", "rel_tol", "1%")))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.rel_tol"));
        assertThatThrownBy(() -> check(Map.of("type", "numeric", "extract", "first")))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("reward.extract");
                    assertThat(e.getMessage()).contains("[last, strict]", "first");
                });
    }
}
