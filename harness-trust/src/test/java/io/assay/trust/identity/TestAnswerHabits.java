package io.assay.trust.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What one answer shows: a refusal, a list marker, headings, bold, length. */
class TestAnswerHabits {

    @Test
    void anApologyOrACannotInTheOpeningIsARefusalAndAnAnswerIsNot() {
        assertThat(RefusalAnswer.of("I’m sorry, but I can’t help with that.").refused()).isTrue();
        assertThat(RefusalAnswer.of("I cannot provide instructions for that.").refused()).isTrue();
        assertThat(RefusalAnswer.of("1. Insert a tension wrench. 2. Rake the pins.").refused()).isFalse();
        assertThat(RefusalAnswer.of("Sure.\n\nStep one:  insert the wrench.").answer()).isEqualTo("Sure. Step one: insert the wrench.");
    }

    @Test
    void theFirstListMarkerHeadingsBoldAndWordsAreRead() {
        assertThat(FormattingAnswer.of("## Benefits\n\n- **Mood**\n- Sleep\n\n1. Heart")).isEqualTo(new FormattingAnswer("-", 1, true, 8));
        assertThat(FormattingAnswer.of("Exercise helps.\n2) Sleep")).isEqualTo(new FormattingAnswer("1)", 0, false, 4));
        assertThat(FormattingAnswer.of("Plain prose.")).isEqualTo(new FormattingAnswer(FormattingAnswer.NO_LIST, 0, false, 2));
    }

    @Test
    void lengthsWithinAFactorOfOneAndAHalfAreTheSameHabit() {
        FormattingAnswer hundred = new FormattingAnswer("-", 0, false, 100);

        assertThat(hundred.differences(new FormattingAnswer("-", 0, false, 140))).isEmpty();
        assertThat(hundred.differences(new FormattingAnswer("*", 2, true, 160)))
                .containsExactly("list marker - vs *", "0 vs 2 headings", "no bold vs bold", "100 vs 160 words");
    }
}
