package io.assay.checks;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Puts two strings in the same form before they are compared. Always: Unicode NFC (so a composed
 * and a decomposed "é" are equal) and trimming at both ends; then the optional steps.
 *
 * @param caseSensitive whether case is kept
 * @param steps the optional normalizations chosen with {@code normalize}
 */
record TextNormalizer(boolean caseSensitive, Set<Step> steps) {

    /** The values of the {@code normalize} option. */
    enum Step {
        /** Collapses every run of whitespace to one space. */
        WHITESPACE,
        /** Deletes punctuation, except a '.' or ',' between digits, so "3.5" does not become "35". */
        PUNCTUATION,
        /** Drops the words "a", "an" and "the". */
        ARTICLES;

        String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}&&[^.,]]|(?<!\\d)[.,]|[.,](?!\\d)");
    private static final Pattern ARTICLE = Pattern.compile("(?iU)(?<![\\w'-])(?:a|an|the)(?:\\s+|$)");

    TextNormalizer {
        steps = Set.copyOf(steps);
    }

    /** Reads {@code case_sensitive} (default false) and {@code normalize} (default none). */
    static TextNormalizer fromOptions(Options options) {
        boolean caseSensitive = options.bool("case_sensitive", false);
        List<String> names = options.strings("normalize");
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (int i = 0; i < names.size(); i++) {
            steps.add(step(options.field("normalize") + (options.get("normalize") instanceof List<?> ? "[" + i + "]" : ""),
                    names.get(i)));
        }
        return new TextNormalizer(caseSensitive, steps);
    }

    String apply(String text) {
        String result = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (!caseSensitive) {
            result = result.toLowerCase(Locale.ROOT);
        }
        if (steps.contains(Step.PUNCTUATION)) {
            result = unlessErased(result, PUNCTUATION.matcher(result).replaceAll(""));
        }
        if (steps.contains(Step.ARTICLES)) {
            result = unlessErased(result, ARTICLE.matcher(result).replaceAll(""));
        }
        if (steps.contains(Step.WHITESPACE)) {
            result = WHITESPACE.matcher(result).replaceAll(" ");
        }
        return result.strip();
    }

    /** How the comparison treats text, for explanations: "case-insensitive, whitespace, punctuation". */
    String describe() {
        StringBuilder description = new StringBuilder(caseSensitive ? "case-sensitive" : "case-insensitive");
        for (Step step : Step.values()) { // in declaration order, however the steps were given
            if (steps.contains(step)) {
                description.append(", ").append(step.optionName());
            }
        }
        return description.toString();
    }

    // A step that would leave nothing ("the" under articles, "?" under punctuation) is skipped, so
    // an expected answer cannot be normalized into the empty string that an empty reply matches.
    private static String unlessErased(String before, String after) {
        return after.isBlank() && !before.isBlank() ? before : after;
    }

    private static Step step(String field, String name) {
        return Arrays.stream(Step.values())
                .filter(step -> step.optionName().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidOptionException(field, "unknown normalization \"" + name
                        + "\"; expected one of " + new TreeSet<>(Arrays.stream(Step.values()).map(Step::optionName).toList())));
    }
}
