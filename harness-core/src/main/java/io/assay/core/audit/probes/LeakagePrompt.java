package io.assay.core.audit.probes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt as the leakage probe reads it: answer-key phrases and what follows them, options
 * marked as correct, and verbatim copies of a reference outside option lists.
 */
final class LeakagePrompt {
    /** "the correct answer is", "Final answer:", "answer key:", "Solution:", "expected output =". */
    private static final Pattern KEY = Pattern.compile("(?i)\\b(?:"
            + "(?:correct|right|final|expected|gold|reference)\\s+(?:answer|option|choice|letter|output|solution|label)s?"
            + "|answer\\s+key|ground[\\s-]truth)\\s*(?:is\\b|was\\b|:|=>|->|=)"
            + "|\\banswer\\s*(?:is\\b|:|=)"
            + "|\\b(?:solution|expected\\s+output)\\s*[:=]");
    private static final Pattern VALUE_OPENING = Pattern.compile("^[\\s\"'*_(\\[$`]*");
    /** "A or B", "yes/no": a format instruction listing alternatives, not an answer. */
    private static final Pattern ALTERNATIVES = Pattern.compile("(?i)^\\s*/|^[^.;!?\\n]*\\bor\\b");
    private static final Pattern MARKER = Pattern.compile(
            "(?i)[(\\[]\\s*(?:correct|right|answer)\\s*[)\\]]|[\u2713\u2714\u2705]|(?:<-+|\u2190)\\s*(?:correct|answer)");
    private static final Pattern OPTION_LINE = Pattern.compile("^\\s*(?:[(\\[]?[A-Za-z0-9]{1,2}[)\\].:]|[-*\u2022])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int DISTINCTIVE_WORDS = 4;
    private static final int DISTINCTIVE_LENGTH = 25;
    private static final int EXCERPT = 120;

    private final String prompt;
    private final String lower;

    LeakagePrompt(String prompt) {
        this.prompt = prompt;
        this.lower = prompt.toLowerCase(Locale.ROOT);
    }

    /** Whether a reference is long enough that finding it verbatim is no coincidence. */
    static boolean distinctive(String reference) {
        return reference.length() >= DISTINCTIVE_LENGTH || reference.split("\\s+").length >= DISTINCTIVE_WORDS;
    }

    /**
     * The answer-key phrase that states {@code reference}, as an excerpt. A prompt with several
     * stated answers holds worked examples, whose answers may coincide with this task's, so it
     * is not read as an answer key.
     */
    Optional<String> statedAnswer(String reference) {
        // Cheap words every key phrase contains, so most prompts skip the regular expression.
        if (!(lower.contains("answer") || lower.contains("solution") || lower.contains("output") || lower.contains("truth"))) {
            return Optional.empty();
        }
        Matcher key = KEY.matcher(prompt);
        int stated = 0;
        Optional<String> found = Optional.empty();
        while (key.find()) {
            String value = restOfLine(key.end());
            if (value.isBlank()) {
                continue; // a cue such as a final "Answer:" states nothing
            }
            stated++;
            if (found.isEmpty() && startsWithAnswer(value, reference)) {
                found = Optional.of(excerpt(key.start()));
            }
        }
        return stated == 1 ? found : Optional.empty();
    }

    /** The option line of choice {@code letter} when it carries a "(correct)" style marker. */
    Optional<String> markedOption(String letter) {
        if (!mayBeMarked()) {
            return Optional.empty();
        }
        Pattern option = Pattern.compile("^\\s*[(\\[]?" + Pattern.quote(letter) + "[)\\].:]", Pattern.CASE_INSENSITIVE);
        return prompt.lines().filter(line -> option.matcher(line).find() && MARKER.matcher(line).find())
                .findFirst().map(LeakagePrompt::shortened);
    }

    /** A line that names {@code reference} as a word and carries a "(correct)" style marker. */
    Optional<String> markedLine(String reference) {
        if (!mayBeMarked()) {
            return Optional.empty();
        }
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(reference) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return prompt.lines().filter(line -> MARKER.matcher(line).find() && word.matcher(line).find())
                .findFirst().map(LeakagePrompt::shortened);
    }

    /** Where {@code reference} appears verbatim (ignoring case and spacing), outside lines that list options. */
    Optional<String> verbatimOutsideOptions(String reference) {
        String needle = normalized(reference);
        if (!lower.contains(needle.split(" ", 2)[0])) {
            return Optional.empty(); // not even its first word occurs: the common case, decided cheaply
        }
        if (reference.contains("\n")) {
            return normalized(prompt).contains(needle) ? Optional.of(shortened(reference)) : Optional.empty();
        }
        return prompt.lines().filter(line -> !OPTION_LINE.matcher(line).find())
                .filter(line -> normalized(line).contains(needle))
                .findFirst().map(LeakagePrompt::shortened);
    }

    private boolean mayBeMarked() {
        return (lower.contains("correct") || lower.contains("right") || lower.contains("answer")
                || lower.chars().anyMatch(c -> c == '\u2713' || c == '\u2714' || c == '\u2705'))
                && MARKER.matcher(prompt).find();
    }

    private String restOfLine(int from) {
        int end = prompt.indexOf('\n', from);
        return prompt.substring(from, end < 0 ? prompt.length() : end);
    }

    /**
     * Whether {@code value} opens with the reference as a whole word or number, not as one of
     * several options; quotes, emphasis, brackets and a currency sign before it are looked through.
     */
    private static boolean startsWithAnswer(String value, String reference) {
        return opensWith(value.stripLeading(), reference)
                || opensWith(VALUE_OPENING.matcher(value).replaceFirst(""), reference);
    }

    private static boolean opensWith(String rest, String reference) {
        if (!rest.regionMatches(true, 0, reference, 0, reference.length())) {
            return false;
        }
        String after = rest.substring(reference.length());
        if (!after.isEmpty() && Character.isLetterOrDigit(after.charAt(0))) {
            return false;
        }
        if (after.matches("(?s)[.,]\\d.*")) {
            return false; // 42 is not 42.5 or 42,000
        }
        if (reference.length() == 1 && after.matches("(?s) +\\p{Ll}.*") && "AIai".contains(reference)) {
            return false; // the article or pronoun: "the answer is a number"
        }
        return !ALTERNATIVES.matcher(after).find();
    }

    /** The line from shortly before {@code start} to its end, shortened. */
    private String excerpt(int start) {
        int lineStart = prompt.lastIndexOf('\n', start - 1) + 1;
        int end = prompt.indexOf('\n', start);
        return shortened(prompt.substring(Math.max(lineStart, start - 40), end < 0 ? prompt.length() : end));
    }

    private static String shortened(String text) {
        String stripped = text.strip();
        return stripped.length() <= EXCERPT ? stripped : stripped.substring(0, EXCERPT) + "...";
    }

    private static String normalized(String text) {
        return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
