package io.assay.checks;

import static io.assay.checks.CheckFixture.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.RewardResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestContainsCheck {
    private static final Map<String, Object> CONTAINS = Map.of("type", "contains");

    @Test
    void findsTheExpectedStringAnywhereIgnoringCase() {
        RewardResult result = grade(CONTAINS, "Paris", "I am fairly sure it is PARIS, France.");

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).contains("contains expected \"Paris\"");
        assertThat(result.evidence()).containsEntry("matched", "Paris").containsEntry("expected", "Paris");
    }

    @Test
    void failsWhenAbsent() {
        RewardResult result = grade(CONTAINS, "Paris", "Lyon");

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).contains("does not contain expected \"Paris\"", "\"Lyon\"");
    }

    @Test
    void caseSensitiveOption() {
        assertThat(grade(Map.of("type", "contains", "case_sensitive", true), "Paris", "paris").passed()).isFalse();
    }

    @Test
    void anyOfAList() {
        assertThat(grade(CONTAINS, List.of("Paris", "Lutetia"), "Lutetia, in Roman times").passed()).isTrue();
        assertThat(grade(CONTAINS, List.of("Paris", "Lutetia"), "Rome").explanation())
                .contains("none of 2 expected strings");
    }

    // The known weakness of substring matching (ABC O.b.1, O.b.2): pinned here so a change is
    // deliberate; `assay audit` is what flags suites relying on it.
    @Test
    void knownWeaknessNegationAndStuffingPass() {
        assertThat(grade(CONTAINS, "42", "It is definitely not 42").passed()).isTrue();
        assertThat(grade(CONTAINS, "Paris", "Lyon, Paris, Rome or Berlin").passed()).isTrue();
    }

    @Test
    void emptyExpectedStringIsAHarnessError() {
        assertThatThrownBy(() -> grade(CONTAINS, "  ", "anything"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task-7").hasMessageContaining("every answer");
    }
}
