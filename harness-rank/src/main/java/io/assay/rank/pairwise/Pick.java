package io.assay.rank.pairwise;

/** What a pairwise judge says of the two answers in the order it was shown them. */
public enum Pick {
    FIRST("first"), SECOND("second"), TIE("tie"), BOTH_BAD("both bad");

    /** The verdict word of the reply format. */
    final String word;

    Pick(String word) {
        this.word = word;
    }

    /** The same judgement of the answers shown the other way round. */
    Pick swapped() {
        return switch (this) {
            case FIRST -> SECOND;
            case SECOND -> FIRST;
            case TIE, BOTH_BAD -> this;
        };
    }

    /** @throws IllegalArgumentException when {@code word} is none of the four verdicts */
    static Pick of(String word) {
        for (Pick pick : values()) {
            if (pick.word.equals(word)) {
                return pick;
            }
        }
        throw new IllegalArgumentException("verdict must be \"first\", \"second\", \"tie\" or \"both bad\", got \"" + word + "\"");
    }
}
