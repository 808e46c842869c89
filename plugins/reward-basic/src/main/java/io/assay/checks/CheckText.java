package io.assay.checks;

import io.assay.kit.Excerpt;
import java.util.List;

/** How the checks show answers: quoted short in explanations, kept whole but for huge ones in evidence. */
final class CheckText {
    private static final int EXPLANATION_LENGTH = 60;
    private static final int EVIDENCE_LENGTH = 1000;

    private CheckText() {
    }

    /** A short quoted form for a one-sentence explanation; runs of whitespace become one space. */
    static String quote(String text) {
        return Excerpt.quote(text, EXPLANATION_LENGTH);
    }

    /** The first {@code count} values quoted, for "none of 5 expected answers ("a", "b", "c", ...)". */
    static String quoteFirst(List<String> values, int count) {
        List<String> quoted = values.stream().limit(count).map(CheckText::quote).toList();
        return "(" + String.join(", ", quoted) + (values.size() > count ? ", ..." : "") + ")";
    }

    /** The text kept in evidence: whole unless very long, so a huge reply is not stored twice. */
    static String evidence(String text) {
        return Excerpt.shorten(text, EVIDENCE_LENGTH);
    }
}
