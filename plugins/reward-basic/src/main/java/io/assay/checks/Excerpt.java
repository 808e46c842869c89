package io.assay.checks;

import java.util.List;

/**
 * Shortens text for explanations and evidence. Long text keeps its head and its tail, because the
 * end of a reply is where the answer usually sits ("... so the answer is 42.").
 */
final class Excerpt {
    private static final int EXPLANATION_LENGTH = 60;
    private static final int EVIDENCE_LENGTH = 1000;
    private static final String GAP = " ... ";

    private Excerpt() {
    }

    /** A short quoted form for a one-sentence explanation; runs of whitespace become one space. */
    static String quote(String text) {
        return "\"" + shorten(text.strip().replaceAll("\\s+", " "), EXPLANATION_LENGTH) + "\"";
    }

    /** The first {@code count} values quoted, for "none of 5 expected answers ("a", "b", "c", ...)". */
    static String quoteFirst(List<String> values, int count) {
        List<String> quoted = values.stream().limit(count).map(Excerpt::quote).toList();
        return "(" + String.join(", ", quoted) + (values.size() > count ? ", ..." : "") + ")";
    }

    /** The text kept in evidence: whole unless very long, so a huge reply is not stored twice. */
    static String evidence(String text) {
        return shorten(text, EVIDENCE_LENGTH);
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = safeEnd(text, (max - GAP.length()) * 3 / 5);
        int tail = safeStart(text, text.length() - (max - GAP.length() - head));
        return text.substring(0, head) + GAP + text.substring(tail);
    }

    // Never split a surrogate pair: half an emoji is not text.
    private static int safeEnd(String text, int end) {
        return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static int safeStart(String text, int start) {
        return Character.isLowSurrogate(text.charAt(start)) ? start + 1 : start;
    }
}
