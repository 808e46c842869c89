package io.assay.trust.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an answer to a fixed request: the list marker it uses, how many Markdown headings,
 * whether it bolds, and its length in words. Models keep such habits across versions of a family,
 * but one sampled answer can vary, which is why formatting weighs little.
 *
 * <pre>{@code
 * FormattingAnswer.of("## Benefits\n1. **Mood**\n2. Sleep\n3. Heart");   // marker "1.", 1 heading, bold, 8 words
 * }</pre>
 *
 * @param listMarker the first list item's marker ({@code -}, {@code *}, {@code •}, {@code 1.}, {@code 1)}) or {@code none}
 * @param headings the lines that are Markdown headings
 * @param bold whether the answer uses {@code **bold**}
 * @param words the answer's words
 */
public record FormattingAnswer(String listMarker, int headings, boolean bold, int words) {
    public static final String NO_LIST = "none";
    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+\\S.*");
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)([.)])\\s+\\S.*");
    private static final List<String> BULLETS = List.of("- ", "* ", "• ");
    /** Answers whose lengths differ by more than this factor read as a different habit. */
    private static final double LENGTH_FACTOR = 1.5;

    /** The habits {@code answer} shows. */
    public static FormattingAnswer of(String answer) {
        List<String> lines = answer.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String marker = lines.stream().map(FormattingAnswer::marker).filter(found -> !found.equals(NO_LIST))
                .findFirst().orElse(NO_LIST);
        int headings = (int) lines.stream().filter(line -> HEADING.matcher(line).matches()).count();
        int words = (int) Arrays.stream(answer.strip().split("\\s+")).filter(word -> !word.isEmpty()).count();
        return new FormattingAnswer(marker, headings, answer.contains("**"), words);
    }

    /** How {@code other} differs in habit, or empty when it does not: length counts only beyond a factor of 1.5. */
    public List<String> differences(FormattingAnswer other) {
        List<String> differences = new ArrayList<>();
        if (!listMarker.equals(other.listMarker)) {
            differences.add("list marker " + listMarker + " vs " + other.listMarker);
        }
        if ((headings > 0) != (other.headings > 0)) {
            differences.add(headings + " vs " + other.headings + " headings");
        }
        if (bold != other.bold) {
            differences.add(bold ? "bold vs none" : "no bold vs bold");
        }
        if (Math.max(words, other.words) > LENGTH_FACTOR * Math.max(1, Math.min(words, other.words))) {
            differences.add(words + " vs " + other.words + " words");
        }
        return differences;
    }

    private static String marker(String line) {
        for (String bullet : BULLETS) {
            if (line.startsWith(bullet)) {
                return bullet.strip();
            }
        }
        Matcher numbered = NUMBERED.matcher(line);
        return numbered.matches() ? "1" + numbered.group(2) : NO_LIST;
    }
}
