package io.assay.core.baseline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The option letters a multiple-choice prompt offers, read from its labels: {@code A) ...},
 * {@code (A) ...}, {@code [A] ...} and {@code A. ...}, one per line or inline. Chance on a choice
 * task is one in this many, whatever letters its answer key happens to use.
 */
final class PromptOptions {
    /**
     * A label followed by option text: upper case anywhere a word may start, lower case only at
     * the start of a line, where "a) ..." lists options rather than running prose. "(A)," and
     * "(A)." in "reply (A), (B) or (C)." are format instructions, not options.
     */
    private static final Pattern LABEL = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(?:[(\\[](?<bracketed>[A-Z])[)\\]]|(?<closed>[A-Z])[).])(?=[ \\t]*[^\\s,;.)\\]])"
                    + "|(?m:^)[ \\t]*[(\\[]?(?<line>[a-z])[).\\]](?=[ \\t]*[^\\s,;.)\\]])");
    private static final int MIN_OPTIONS = 2;

    private PromptOptions() {
    }

    /**
     * The longest run of labels A, B, C, ... in the order they appear (a run starts again at
     * each A, so a question that mentions "(A)" before its options still counts them), upper
     * case; empty when the prompt labels fewer than two options.
     */
    static Set<Character> letters(String prompt) {
        List<Character> longest = List.of();
        List<Character> run = new ArrayList<>();
        Matcher label = LABEL.matcher(prompt);
        while (label.find()) {
            char letter = Character.toUpperCase(label.group(label.group("bracketed") != null ? "bracketed"
                    : label.group("closed") != null ? "closed" : "line").charAt(0));
            if (letter == 'A') {
                run = new ArrayList<>(List.of(letter));
            } else if (!run.isEmpty() && letter == run.getLast() + 1) {
                run.add(letter);
            } else if (!run.isEmpty() && letter != run.getLast()) {
                run = new ArrayList<>();
            }
            if (run.size() >= longest.size()) {
                longest = run;
            }
        }
        return longest.size() < MIN_OPTIONS ? Set.of() : new LinkedHashSet<>(longest);
    }
}
