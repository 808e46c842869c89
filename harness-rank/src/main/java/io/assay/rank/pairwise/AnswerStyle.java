package io.assay.rank.pairwise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The style of an answer, for {@code assay arena --style-control}: its length in tokens and its
 * markdown elements, so a rating can be net of a judge's taste for long, formatted answers.
 *
 * <pre>{@code
 * AnswerStyle.of("# Sum\n- **two**\n- four")   // 6 tokens, 4 markdown elements
 * }</pre>
 *
 * @param tokens the whitespace-separated words: a tokenizer-free length, the same for every model
 * @param markdown header lines, list-item lines, bold spans and fenced code blocks; lines inside a
 *     code block are code, not markdown, so they count for nothing
 */
record AnswerStyle(int tokens, int markdown) {
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern FENCE = Pattern.compile("^\\s*```.*");
    private static final Pattern HEADER = Pattern.compile("^\\s{0,3}#{1,6}\\s.*");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s.*");
    private static final Pattern BOLD = Pattern.compile("\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__");

    static AnswerStyle of(String answer) {
        int markdown = 0;
        boolean inCode = false;
        for (String line : answer.split("\\R", -1)) {
            if (FENCE.matcher(line).matches()) {
                markdown += inCode ? 0 : 1;
                inCode = !inCode;
            } else if (!inCode) {
                markdown += (HEADER.matcher(line).matches() || LIST_ITEM.matcher(line).matches() ? 1 : 0) + count(BOLD, line);
            }
        }
        return new AnswerStyle(count(WORD, answer), markdown);
    }

    private static int count(Pattern pattern, String text) {
        int count = 0;
        for (Matcher matcher = pattern.matcher(text); matcher.find(); ) {
            count++;
        }
        return count;
    }
}
