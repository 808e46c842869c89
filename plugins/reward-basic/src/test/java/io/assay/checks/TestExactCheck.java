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

class TestExactCheck {
    private static final Map<String, Object> EXACT = Map.of("type", "exact");

    private static Map<String, Object> normalize(String... steps) {
        return Map.of("type", "exact", "normalize", List.of(steps));
    }

    @Test
    void ignoresCaseAndSurroundingWhitespaceByDefault() {
        RewardResult result = grade(EXACT, "Paris", "  paris \n");

        assertThat(result.passed()).isTrue();
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.explanation()).contains("\"paris\"", "\"Paris\"");
        assertThat(result.evidence()).containsEntry("expected", "Paris")
                .containsEntry("got", "  paris \n")
                .containsEntry("normalized_expected", "paris")
                .containsEntry("normalized_got", "paris");
    }

    @Test
    void caseSensitiveKeepsCase() {
        RewardResult result = grade(Map.of("type", "exact", "case_sensitive", true), "Paris", "paris");

        assertThat(result.passed()).isFalse();
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.explanation()).contains("does not match expected \"Paris\"", "case-sensitive");
    }

    @Test
    void extraWordsAndNegationDoNotMatch() {
        assertThat(grade(EXACT, "42", "not 42").passed()).isFalse();
        assertThat(grade(EXACT, "Paris", "The answer is Paris").passed()).isFalse();
    }

    @Test
    void innerWhitespaceCountsUnlessNormalized() {
        assertThat(grade(EXACT, "New York", "New   York").passed()).isFalse();
        assertThat(grade(normalize("whitespace"), "New York", "New \t York").passed()).isTrue();
    }

    @Test
    void punctuationNormalizationKeepsDecimalPoints() {
        assertThat(grade(normalize("punctuation"), "Paris", "Paris!").passed()).isTrue();
        assertThat(grade(normalize("punctuation"), "rock-n-roll", "rocknroll").passed()).isTrue();
        assertThat(grade(normalize("punctuation"), "3.5", "35").passed()).isFalse();
        assertThat(grade(normalize("punctuation"), "3.5", "3.5.").passed()).isTrue();
    }

    @Test
    void articlesNormalizationDropsArticleWords() {
        RewardResult result = grade(normalize("articles", "whitespace"), "Eiffel Tower", "The  Eiffel Tower");

        assertThat(result.passed()).isTrue();
        assertThat(result.evidence()).containsEntry("normalized_got", "eiffel tower");
        assertThat(grade(normalize("articles"), "Theatre", "atre").passed()).isFalse();
    }

    @Test
    void normalizationNeverErasesAnAnswerSoAnEmptyReplyCannotMatch() {
        assertThat(grade(normalize("articles"), "A", "").passed()).isFalse();
        assertThat(grade(normalize("articles"), "A", "a").passed()).isTrue();
        assertThat(grade(normalize("punctuation"), "?", "").passed()).isFalse();
    }

    @Test
    void composedAndDecomposedAccentsAreEqual() {
        assertThat(grade(EXACT, "caf\u00e9", "cafe\u0301").passed()).isTrue();
    }

    @Test
    void anyOfAListOfAnswersMatches() {
        List<String> accepted = List.of("NYC", "New York City", "New York");

        assertThat(grade(EXACT, accepted, "new york").passed()).isTrue();
        RewardResult miss = grade(EXACT, accepted, "Boston");
        assertThat(miss.passed()).isFalse();
        assertThat(miss.explanation()).contains("none of 3 expected answers", "\"NYC\"", "\"Boston\"");
        assertThat(miss.evidence().get("expected")).isEqualTo(accepted);
    }

    @Test
    void numbersCompareByTheirWrittenForm() {
        assertThat(grade(EXACT, 42, "42").passed()).isTrue();
        assertThat(grade(EXACT, new BigDecimal("5.0"), "5.0").passed()).isTrue();
        assertThat(grade(EXACT, new BigDecimal("5.0"), "5").passed()).isFalse();
        assertThat(grade(EXACT, List.of(1, "one"), "One").passed()).isTrue();
    }

    @Test
    void failureShowsNormalizedFormsThatWereCompared() {
        RewardResult result = grade(normalize("whitespace"), "Eiffel Tower", "The Eiffel  Tower");

        assertThat(result.explanation()).contains("compared \"the eiffel tower\" with \"eiffel tower\"");
    }

    @Test
    void rejectsUnknownNormalizationNamingTheListElement() {
        assertThatThrownBy(() -> check(normalize("whitespace", "stemming")))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("reward.normalize[1]");
                    assertThat(e.getMessage()).contains("stemming", "[articles, punctuation, whitespace]");
                });
        assertThatThrownBy(() -> check(Map.of("type", "exact", "normalize", "stem")))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.normalize"));
    }

    @Test
    void rejectsBadOptionTypes() {
        assertThatThrownBy(() -> check(Map.of("type", "exact", "case_sensitive", "yes")))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.case_sensitive"));
        assertThatThrownBy(() -> check(Map.of("type", "exact", "normalize", List.of(3))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.normalize[0]"));
    }

    @Test
    void groundTruthOfTheWrongShapeIsAHarnessError() {
        assertThatThrownBy(() -> grade(EXACT, Map.of("city", "Paris"), "Paris"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task-7").hasMessageContaining("an object");
        assertThatThrownBy(() -> grade(EXACT, List.of(), "Paris"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty list");
        assertThatThrownBy(() -> grade(EXACT, null, "Paris"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing");
    }
}
