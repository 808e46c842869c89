package io.assay.kit;

import java.util.regex.Pattern;

/**
 * Shortens text for explanations, messages and evidence. Long text keeps its head and its tail,
 * because the end of a reply is where the answer usually sits ("... so the answer is 42.").
 *
 * <pre>{@code
 * Excerpt.shorten(reply, 1000);   // evidence: the reply as it is, unless very long
 * Excerpt.of(reply, 120);         // one line: "Let me think step by step. ... So the answer is 42."
 * Excerpt.quote(reply, 60);       // the same, quoted, for an explanation: "answer \"...\" does not match"
 * }</pre>
 */
public final class Excerpt {
    private static final String GAP = " ... ";
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private Excerpt() {
    }

    /** {@code text} as it is when at most {@code max} characters; else its head and tail around " ... ". */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = safeEnd(text, (max - GAP.length()) * 3 / 5);
        int tail = safeStart(text, text.length() - (max - GAP.length() - head));
        return text.substring(0, head) + GAP + text.substring(tail);
    }

    /** {@code text} on one line (runs of whitespace become one space), at most {@code max} characters. */
    public static String of(String text, int max) {
        return shorten(WHITESPACE_RUN.matcher(text.strip()).replaceAll(" "), max);
    }

    /** {@link #of} in double quotes, for a one-sentence explanation. */
    public static String quote(String text, int max) {
        return "\"" + of(text, max) + "\"";
    }

    // Never split a surrogate pair: half an emoji is not text.
    private static int safeEnd(String text, int end) {
        return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static int safeStart(String text, int start) {
        return Character.isLowSurrogate(text.charAt(start)) ? start + 1 : start;
    }
}
