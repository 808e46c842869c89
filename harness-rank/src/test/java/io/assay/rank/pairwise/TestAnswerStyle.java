package io.assay.rank.pairwise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Answer length and markdown, as --style-control weighs them. */
class TestAnswerStyle {

    @Test
    void wordsAreTokensAndHeadersListItemsBoldSpansAndCodeBlocksAreMarkdown() {
        AnswerStyle style = AnswerStyle.of("""
                ## Result
                The sum is **4**, and __so__ it is.
                1. add
                * check
                ```
                # a comment, not a header
                - not an item
                ```
                """);

        assertThat(style.markdown()).isEqualTo(6); // header, two bold spans, two list items, one code block
        assertThat(style.tokens()).isEqualTo(26);
    }

    @Test
    void plainTextHasNoMarkdown() {
        assertThat(AnswerStyle.of("Just 42.")).isEqualTo(new AnswerStyle(2, 0));
        assertThat(AnswerStyle.of("")).isEqualTo(new AnswerStyle(0, 0));
    }
}
