package io.assay.cli;

/**
 * Text from a run made safe to print on a terminal: model output and tool results are adversarial
 * by design, and a control character (an escape sequence) could rewrite what the reader sees.
 * Control characters other than line breaks and tabs are shown as {@code \\u001b}.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
