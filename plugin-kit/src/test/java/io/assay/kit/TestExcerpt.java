package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestExcerpt {

    @Test
    void shortTextIsQuotedWholeWithWhitespaceCollapsed() {
        assertThat(Excerpt.quote("  two\n lines ", 60)).isEqualTo("\"two lines\"");
    }

    @Test
    void longTextKeepsHeadAndTailWhereTheAnswerSits() {
        String reply = "Let me think step by step. ".repeat(10) + "So the answer is 42.";

        String quoted = Excerpt.quote(reply, 60);

        assertThat(quoted).startsWith("\"Let me think").contains(" ... ").endsWith("the answer is 42.\"");
        assertThat(quoted.length()).isLessThanOrEqualTo(62);
    }

    @Test
    void shortenKeepsTextWithinTheLimitAsItIs() {
        assertThat(Excerpt.shorten("  a\nb  ", 10)).isEqualTo("  a\nb  ");
        assertThat(Excerpt.shorten("x".repeat(200), 100)).hasSize(100).contains(" ... ");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String shortened = Excerpt.shorten(emoji.repeat(100), 60);

        assertThat(shortened.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE)).isEmpty();
    }
}
