package io.assay.judge;

/** Shortens replies and answers for messages and evidence, keeping head and tail. */
final class Excerpt {
    private static final String GAP = " ... ";

    private Excerpt() {
    }

    /** {@code text} on one line, at most {@code max} characters. */
    static String of(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= max) {
            return line;
        }
        int head = (max - GAP.length()) * 2 / 3;
        int tail = line.length() - (max - GAP.length() - head);
        // Never split a surrogate pair: half a character is not text.
        if (Character.isHighSurrogate(line.charAt(head - 1))) {
            head--;
        }
        if (Character.isLowSurrogate(line.charAt(tail))) {
            tail++;
        }
        return line.substring(0, head) + GAP + line.substring(tail);
    }
}
