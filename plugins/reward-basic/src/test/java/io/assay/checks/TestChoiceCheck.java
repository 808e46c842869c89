package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestChoiceCheck {
    private static final Map<String, Object> CHOICE = Map.of("type", "choice");

    @ParameterizedTest(name = "\"{0}\" chooses B")
    @ValueSource(strings = {
            "B", "b", "(B)", "B.", "B)", "[B]", "**B**", " B \n",
            "The answer is (B)", "The answer is B.", "Answer: b", "answer:B", "Final answer: **(B)**",
            "I choose B because it is larger.", "A reasonable answer is B", "The answer to this question is B",
            "The correct answer here is option B", "I'd go with B", "I pick (b)",
            "B. Because the mitochondria is the powerhouse of the cell.", "(B) since the others are wrong",
            "B - the second one", "Option B", "B. I think so", "B. A and C are wrong.",
            "I think the answer is B, not C", "No, the answer is B", "The answer is B and I am confident",
            "The answer is B. Final answer: B", "The final answer is $\\boxed{B}$", "Not (A) but (B)",
            "B, because that is what the question asks."})
    void readsTheChosenLetter(String reply) {
        RewardResult result = grade(CHOICE, "B", reply);

        assertThat(result.passed()).as(result.explanation()).isTrue();
        assertThat(result.evidence()).containsEntry("chosen", "B").containsEntry("expected", "B");
    }

    @Test
    void aWrongChoiceFailsShowingBothLetters() {
        RewardResult result = grade(CHOICE, "B", "The answer is (C)");

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).isEqualTo("chose C by explicit answer in \"The answer is (C)\", expected B");
        assertThat(result.evidence()).containsEntry("chosen", "C").containsEntry("rule", "explicit");
    }

    @ParameterizedTest(name = "\"{0}\" is ambiguous")
    @ValueSource(strings = {"A or B", "A, B, C, D", "A. B. C. D.", "A/B", "A B C D", "(A) or (B)",
            "The answer is A, B, C or D", "The answer is A. The answer is B.", "Answer: A or B because...",
            "It could be A or B", "(A) (B) (C) (D)", "A, B or (C)"})
    void listingSeveralLettersIsAmbiguous(String reply) {
        RewardResult result = grade(CHOICE, "B", reply);

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).startsWith("ambiguous: several choices");
        assertThat((List<?>) result.evidence().get("choices")).hasSizeGreaterThan(1);
    }

    @ParameterizedTest(name = "\"{0}\" chooses nothing")
    @ValueSource(strings = {"not B", "The answer is not B", "It isn't (B)", "I would not choose B", "Definitely not B.",
            "", "I don't know", "A reasonable guess is hard", "the answer is a bit unclear", "B is tempting",
            "Is B the answer?"})
    void noExplicitChoiceFails(String reply) {
        RewardResult result = grade(CHOICE, "B", reply);

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).startsWith("no choice found");
    }

    @Test
    void negatedMentionsAreReportedAsIgnored() {
        RewardResult result = grade(CHOICE, "B", "The answer is not B");

        assertThat(result.explanation()).isEqualTo(
                "no choice found in \"The answer is not B\" (ignored after a negation: B); expected B");
        assertThat(result.evidence()).containsEntry("negated", List.of("B"));
    }

    @Test
    void knownLimitsAreAsDocumented() {
        assertThat(grade(CHOICE, "B", "I don't think the answer is B").passed())
                .as("a negation three words back is not seen").isTrue();
        assertThat(grade(CHOICE, "B", "I'd say (A) is wrong and (B) is right").explanation())
                .startsWith("ambiguous: several choices (A, B)");
        assertThat(grade(CHOICE, "B", "**B.** I am sure").passed()).isTrue();
    }

    @Test
    void lettersLimitWhatCountsAsAChoice() {
        Map<String, Object> abcd = Map.of("type", "choice", "letters", "ABCD");

        assertThat(grade(abcd, "B", "E").explanation()).startsWith("no choice found");
        assertThat(grade(abcd, "B", "The answer is E, not B").passed()).isFalse();
        assertThat(grade(CHOICE, "E", "The answer is E").passed()).isTrue();
    }

    @Test
    void pronounIIsNotAChoiceButAnExplicitIIs() {
        assertThat(grade(CHOICE, "I", "I think so").passed()).isFalse();
        assertThat(grade(CHOICE, "I", "The answer is I").passed()).isTrue();
    }

    @Test
    void expectedLetterIsCaseInsensitive() {
        assertThat(grade(CHOICE, "b", "B").passed()).isTrue();
    }

    @Test
    void groundTruthThatIsNotAValidLetterIsAHarnessError() {
        assertThatThrownBy(() -> grade(CHOICE, "Z", "Z"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task-7").hasMessageContaining("ABCDEFGHIJ").hasMessageContaining("\"Z\"");
        assertThatThrownBy(() -> grade(CHOICE, "AB", "A")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadLettersNamingTheField() {
        assertThatThrownBy(() -> check(Map.of("type", "choice", "letters", "AB1")))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.letters"));
        assertThatThrownBy(() -> check(Map.of("type", "choice", "letters", "ABa")))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("reward.letters");
                    assertThat(e.getMessage()).contains("each letter once");
                });
        assertThatThrownBy(() -> check(Map.of("type", "choice", "case_sensitive", true)))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.case_sensitive"));
    }
}
