package io.assay.core.audit.probes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.assay.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt as the leakage probe reads it: answer-key phrases and what follows them, options
 * marked as correct, verbatim copies of a reference outside option lists, and the JSON values it
 * shows (compared with a JSON reference by meaning, so layout and key order do not hide a copy).
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
    /** Whitespace and a Markdown fence opening between an answer-key phrase and the JSON it states. */
    private static final Pattern BEFORE_JSON = Pattern.compile("\\s*(?:```[ \\t]*(?i:json)?[ \\t]*\\R\\s*)?");
    /** JSON as prompts show it, also in Python's or JavaScript's quoting: 'single quotes', a trailing comma. */
    private static final ObjectReader JSON = Json.MAPPER.reader()
            .withFeatures(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA);
    /** Numbers equal by value (1 == 1.0), everything else as Jackson compares it (object keys in any order). */
    private static final Comparator<JsonNode> SAME_MEANING = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    /**
     * How far past its opening a JSON value equal to the reference may end, per character of the
     * reference's compact form, plus a constant: room for any indentation, while a bracket that
     * opens prose is not parsed to the end of a long prompt.
     */
    private static final int JSON_SPREAD = 16;
    private static final int JSON_SLACK = 4096;
    private static final int DISTINCTIVE_JSON_VALUES = 2;
    private static final int DISTINCTIVE_WORDS = 4;
    private static final int DISTINCTIVE_LENGTH = 25;
    private static final int EXCERPT = 120;

    private final String prompt;
    private final String lower;
    private JsonNode parsedFor;
    private List<JsonValue> jsonValues;

    /** A JSON value the prompt shows, from {@code start} to {@code end}. */
    private record JsonValue(int start, int end, JsonNode node) {
    }

    LeakagePrompt(String prompt) {
        this.prompt = prompt;
        this.lower = prompt.toLowerCase(Locale.ROOT);
    }

    /** Whether a reference is long enough that finding it verbatim is no coincidence. */
    static boolean distinctive(String reference) {
        return reference.length() >= DISTINCTIVE_LENGTH || reference.split("\\s+").length >= DISTINCTIVE_WORDS;
    }

    /**
     * Whether a JSON reference is distinctive enough that finding it verbatim is no coincidence:
     * at least two values, so {@code []}, {@code {}} or {@code {"ok": true}} in a format
     * instruction are not taken for a copy.
     */
    static boolean distinctive(JsonNode reference) {
        return scalars(reference) >= DISTINCTIVE_JSON_VALUES;
    }

    /**
     * The answer-key phrase that states {@code reference}, as an excerpt. A prompt with several
     * stated answers holds worked examples, whose answers may coincide with this task's, so it
     * is not read as an answer key.
     */
    Optional<String> statedAnswer(String reference) {
        return theOnlyKeyStatement(key -> {
            String value = restOfLine(key.end());
            return value.isBlank() ? KeyStatement.NOTHING : new KeyStatement(true,
                    startsWithAnswer(value, reference) ? Optional.of(excerpt(key.start())) : Optional.empty());
        });
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

    /**
     * The answer-key phrase followed by a JSON value that means {@code reference} ("Expected
     * output: {...}", on the same line or in a block below it), as an excerpt; as for
     * {@link #statedAnswer}, a prompt stating two or more answers holds worked examples.
     */
    Optional<String> statedJson(JsonNode reference) {
        return theOnlyKeyStatement(key -> {
            Matcher gap = BEFORE_JSON.matcher(prompt).region(key.end(), prompt.length());
            int valueStart = gap.lookingAt() ? gap.end() : key.end();
            Optional<JsonValue> value = jsonValues(reference).stream().filter(v -> v.start() == valueStart).findFirst();
            if (value.isEmpty() && restOfLine(key.end()).isBlank()) {
                return KeyStatement.NOTHING;
            }
            if (value.isEmpty() || !sameMeaning(value.get().node(), reference)) {
                return new KeyStatement(true, Optional.empty());
            }
            int lineStart = prompt.lastIndexOf('\n', key.start() - 1) + 1;
            return new KeyStatement(true, Optional.of(oneLine(Math.max(lineStart, key.start() - 40), value.get().end())));
        });
    }

    /**
     * What one answer-key phrase states: nothing (a bare cue such as a final "Answer:"), or a
     * value, with the excerpt to show when that value is the reference.
     */
    private record KeyStatement(boolean statesAValue, Optional<String> reference) {
        static final KeyStatement NOTHING = new KeyStatement(false, Optional.empty());
    }

    /**
     * The excerpt of the answer-key phrase that states the reference, when it is the only phrase
     * of the prompt that states a value: several hold worked examples, not this task's answer.
     */
    private Optional<String> theOnlyKeyStatement(Function<Matcher, KeyStatement> read) {
        if (!mentionsKeyWord()) {
            return Optional.empty();
        }
        Matcher key = KEY.matcher(prompt);
        int stated = 0;
        Optional<String> found = Optional.empty();
        while (key.find()) {
            KeyStatement statement = read.apply(key);
            if (statement.statesAValue()) {
                stated++;
                found = found.or(statement::reference);
            }
        }
        return stated == 1 ? found : Optional.empty();
    }

    /**
     * A JSON value of the prompt that means {@code reference}, compact or pretty-printed, keys in
     * any order, shortened to one line. Only values standing on their own count: a reference
     * nested inside a larger input ("return the user of this record") is what the task extracts.
     */
    Optional<String> verbatimJson(JsonNode reference) {
        return jsonValues(reference).stream().filter(value -> sameMeaning(value.node(), reference)).findFirst()
                .map(value -> oneLine(value.start(), value.end()));
    }

    /** The prompt from {@code start} to {@code end} on one line, shortened: pretty-printed JSON spans many. */
    private String oneLine(int start, int end) {
        return shortened(WHITESPACE.matcher(prompt.substring(start, end)).replaceAll(" "));
    }

    private static boolean sameMeaning(JsonNode value, JsonNode reference) {
        return value.equals(SAME_MEANING, reference);
    }

    /**
     * The outermost objects and arrays of the prompt, in order, parsed once. None when a string
     * of the reference (a key or a value) does not occur in the prompt at all: no copy can be
     * there, and most prompts are decided without parsing.
     */
    private List<JsonValue> jsonValues(JsonNode reference) {
        if (reference == parsedFor) {
            return jsonValues;
        }
        parsedFor = reference;
        jsonValues = new ArrayList<>();
        if (!stringsOccur(reference)) {
            return jsonValues;
        }
        int window = JSON_SPREAD * reference.toString().length() + JSON_SLACK;
        int from = 0;
        while (from < prompt.length()) {
            int open = nextOpening(from);
            if (open < 0) {
                break;
            }
            Optional<JsonValue> value = parse(open, Math.min(prompt.length(), open + window));
            value.ifPresent(jsonValues::add);
            from = value.map(JsonValue::end).orElse(open + 1);
        }
        return jsonValues;
    }

    private int nextOpening(int from) {
        for (int i = from; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            if (c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }

    private Optional<JsonValue> parse(int start, int limit) {
        try (JsonParser parser = JSON.createParser(prompt.substring(start, limit))) {
            JsonNode node = JSON.readTree(parser);
            return node == null || !node.isContainerNode() ? Optional.empty()
                    : Optional.of(new JsonValue(start, start + (int) parser.currentLocation().getCharOffset(), node));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private boolean stringsOccur(JsonNode node) {
        if (node.isTextual()) {
            return prompt.contains(node.textValue());
        }
        for (var field : node.properties()) {
            if (!prompt.contains(field.getKey()) || !stringsOccur(field.getValue())) {
                return false;
            }
        }
        for (JsonNode element : node.isArray() ? node : List.<JsonNode>of()) {
            if (!stringsOccur(element)) {
                return false;
            }
        }
        return true;
    }

    private static int scalars(JsonNode node) {
        if (!node.isContainerNode()) {
            return 1;
        }
        int count = 0;
        for (JsonNode child : node) {
            count += scalars(child);
        }
        return count;
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

    /** Cheap words every key phrase contains, so most prompts skip the regular expression. */
    private boolean mentionsKeyWord() {
        return lower.contains("answer") || lower.contains("solution") || lower.contains("output") || lower.contains("truth");
    }
}
