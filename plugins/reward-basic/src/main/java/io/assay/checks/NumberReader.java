package io.assay.checks;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers written the way people and models write them: {@code 42}, {@code -3},
 * {@code 1,234.5}, {@code 5.0}, {@code .5}, {@code 1e3}, {@code $5}, {@code -$5}, {@code 50%}.
 * A percent sign is dropped and the value kept ({@code 50%} reads as 50). Thousands separators
 * must be commas in groups of three; {@code 1 234} is two numbers.
 */
final class NumberReader {

    /** A number found in a reply. */
    record Found(String text, BigDecimal value, boolean negated) {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])"                                    // not the tail of a word or number
            + "(?:(?<sign>[-+\u2212])[$€£¥]?|[$€£¥](?<signAfter>[-+\u2212])?)?"
            + "(?<digits>\\d{1,3}(?:,\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)"
            // At most three exponent digits: 1e999999999 would make BigDecimal arithmetic crawl.
            + "(?<exponent>[eE][-+]?\\d{1,3}(?!\\d))?"
            + "%?");
    private static final String GAP = " \t\r\n\"'(*:=";
    private static final String APOSTROPHES = "'\u2019";
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nor", "cannot");
    private static final Set<String> FILLERS = Set.of("equal", "equals", "to", "exactly", "be", "is", "quite");
    private static final int NEGATION_LOOKBACK = 4;

    private NumberReader() {
    }

    /** The whole text as one number; a single trailing full stop is allowed ("42."). */
    static Optional<Found> whole(String text) {
        String trimmed = text.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
        }
        Matcher matcher = NUMBER.matcher(trimmed);
        return matcher.matches() ? Optional.of(found(matcher, false)) : Optional.empty();
    }

    /**
     * The last number in the text, marked negated when a negation comes right before it, allowing
     * a few filler words: "not 42", "isn't 42", "is not equal to 42".
     */
    static Optional<Found> last(String text) {
        return NUMBER.matcher(text).results()
                .reduce((earlier, later) -> later)
                .map(match -> found(match, negatedBefore(text.substring(0, match.start()))));
    }

    private static Found found(MatchResult match, boolean negated) {
        String sign = match.group("sign") != null ? match.group("sign") : match.group("signAfter");
        String exponent = match.group("exponent") == null ? "" : match.group("exponent");
        String number = (sign == null || sign.equals("+") ? "" : "-")
                + match.group("digits").replace(",", "") + exponent;
        return new Found(match.group(), new BigDecimal(number), negated);
    }

    private static boolean negatedBefore(String prefix) {
        int end = prefix.length();
        for (int i = 0; i < NEGATION_LOOKBACK; i++) {
            while (end > 0 && GAP.indexOf(prefix.charAt(end - 1)) >= 0) {
                end--;
            }
            int start = end;
            while (start > 0 && (Character.isLetter(prefix.charAt(start - 1)) || APOSTROPHES.indexOf(prefix.charAt(start - 1)) >= 0)) {
                start--;
            }
            if (start == end) {
                return false; // punctuation or a digit ends the clause before any negation
            }
            String word = prefix.substring(start, end).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (NEGATIONS.contains(word) || word.endsWith("n't")) {
                return true;
            }
            if (!FILLERS.contains(word)) {
                return false;
            }
            end = start;
        }
        return false;
    }
}
