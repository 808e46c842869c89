package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRegexCheck {

    private static Map<String, Object> pattern(String pattern) {
        return Map.of("type", "regex", "pattern", pattern);
    }

    @Test
    void findsThePatternAnywhereByDefault() {
        RewardResult result = grade(pattern("\\b4[0-9]\\b"), "unused", "The answer is 42.");

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).contains("/\\b4[0-9]\\b/", "\"42\"");
        assertThat(result.evidence()).containsEntry("pattern", "\\b4[0-9]\\b")
                .containsEntry("matched", "42")
                .containsEntry("full_match", false);
    }

    @Test
    void fullMatchNeedsTheWholeTrimmedAnswer() {
        Map<String, Object> spec = Map.of("type", "regex", "pattern", "4[0-9]", "full_match", true);

        assertThat(grade(spec, "unused", "The answer is 42").passed()).isFalse();
        assertThat(grade(spec, "unused", "  42\n").passed()).isTrue();
        assertThat(grade(spec, "unused", "The answer is 42").explanation()).contains("does not match the whole of");
    }

    @Test
    void caseSensitiveByDefaultLikeEveryRegexEngine() {
        assertThat(grade(pattern("paris"), "unused", "Paris").passed()).isFalse();
        assertThat(grade(Map.of("type", "regex", "pattern", "paris", "case_sensitive", false), "unused", "PARIS")
                .passed()).isTrue();
        assertThat(grade(pattern("(?i)paris"), "unused", "Paris").passed()).isTrue();
    }

    @Test
    void withoutThePatternOptionTheTaskAnswerIsThePattern() {
        Map<String, Object> spec = Map.of("type", "regex");

        assertThat(grade(spec, "^(yes|y)$", "Yes").passed()).isFalse();
        assertThat(grade(spec, "^(yes|y)$", "yes").passed()).isTrue();
        assertThat(grade(spec, "^(yes|y)$", "yes").evidence()).containsEntry("pattern", "^(yes|y)$");
    }

    @Test
    void invalidPatternOptionIsRejectedAtCreationNamingTheFieldAndTheError() {
        assertThatThrownBy(() -> check(pattern("(unclosed")))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("reward.pattern");
                    assertThat(e.getMessage()).contains("Unclosed group", "(unclosed");
                });
        assertThatThrownBy(() -> check(pattern("")))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.pattern"));
        assertThatThrownBy(() -> check(Map.of("type", "regex", "full_match", "no")))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.full_match"));
    }

    @Test
    void invalidPatternFromTheTaskAnswerIsAGroundTruthBug() {
        Map<String, Object> spec = Map.of("type", "regex");

        assertThatThrownBy(() -> grade(spec, "[a-", "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task-7")
                .hasMessageContaining("not a valid regular expression")
                .hasMessageContaining("[a-");
        assertThatThrownBy(() -> grade(spec, "", "a"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty pattern");
        assertThatThrownBy(() -> grade(spec, Map.of("p", "x"), "a"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be a string");
    }
}
