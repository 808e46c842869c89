package io.assay.core.audit.probes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.json.Json;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The renderings of a reference answer that mean the same, and which of them are fair for a
 * given check: case does not change a word's meaning, but a case-sensitive check declared so may
 * mean it; "1,000" is 1000 for a quantity, not for the year 1969; JSON layout never matters.
 */
final class EquivalenceVariants {
    private static final Pattern ALPHABETIC = Pattern.compile("\\p{L}[\\p{L} '\\-]*");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?]");
    /** "Reply with the city name only.", "Answer with just the letter.", "Give nothing else." */
    private static final Pattern BARE_FORMAT = Pattern.compile(
            "(?i)\\b(?:reply|answer|respond|write|give|output|return|state)\\b[^.?!\\n]{0,60}?\\b(?:only|just|nothing else)\\b");
    private static final Pattern YEAR_QUESTION = Pattern.compile("(?i)\\b(?:year|when|century)\\b");
    private static final int MAX_WORDED_LENGTH = 200;

    /** A kind of equivalent rendering, with the checklist item a check rejecting it violates. */
    enum Kind {
        CASE("O.a.1", "case"),
        WHITESPACE("O.a.1", "surrounding whitespace"),
        PUNCTUATION("O.a.1", "punctuation"),
        NUMBER_FORM("O.a.1", "number format"),
        JSON_LAYOUT("O.a.1", "JSON layout"),
        SENTENCE("O.a.2", "answer in a sentence"),
        EXPLANATION("O.a.2", "trailing explanation");

        final String abc;
        final String label;

        Kind(String abc, String label) {
            this.abc = abc;
            this.label = label;
        }
    }

    /** One rendering of the reference. */
    record Variant(Kind kind, String text) {
    }

    private EquivalenceVariants() {
    }

    /**
     * The kinds of rendering fair to try on {@code spec} for {@code task}. A combinator gets only
     * the kinds fair for all its nested checks, and a check of unknown type only surrounding
     * whitespace: when unsure, try nothing that might mean something else. A prompt that asks for
     * the bare answer ("Reply with the number only.") rules out the sentence renderings.
     */
    static Set<Kind> fairKinds(Options spec, Task task) {
        Set<Kind> kinds = byCheck(spec, task);
        if (BARE_FORMAT.matcher(task.prompt()).find()) {
            // The agent was told to give the bare answer (O.h.1), so a sentence around it is fairly rejected.
            kinds.removeAll(EnumSet.of(Kind.SENTENCE, Kind.EXPLANATION));
        }
        return kinds;
    }

    private static Set<Kind> byCheck(Options spec, Task task) {
        Object type = spec.get("type");
        return switch (type instanceof String s ? s : "") {
            case "exact", "contains" -> text(spec, task);
            case "regex" -> withCase(spec, EnumSet.of(Kind.WHITESPACE, Kind.PUNCTUATION, Kind.SENTENCE, Kind.EXPLANATION), false);
            case "numeric" -> EnumSet.of(Kind.WHITESPACE, Kind.PUNCTUATION, Kind.SENTENCE, Kind.EXPLANATION, Kind.NUMBER_FORM);
            case "choice" -> EnumSet.of(Kind.CASE, Kind.WHITESPACE, Kind.PUNCTUATION, Kind.SENTENCE, Kind.EXPLANATION);
            case "json" -> EnumSet.of(Kind.WHITESPACE, Kind.JSON_LAYOUT);
            case "all", "any" -> common(nested(spec, "checks", false), task);
            case "weighted" -> common(nested(spec, "checks", true), task);
            default -> EnumSet.of(Kind.WHITESPACE);
        };
    }

    /** The renderings of {@code reference} of the given kinds, each different from it and from each other. */
    static List<Variant> of(String reference, Set<Kind> kinds, boolean choice) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        boolean worded = reference.length() <= MAX_WORDED_LENGTH && reference.strip().equals(reference)
                && !reference.isEmpty() && reference.lines().count() == 1;
        for (Kind kind : kinds) {
            List<String> texts = switch (kind) {
                case WHITESPACE -> List.of("  " + reference + " \n");
                case CASE -> worded && ALPHABETIC.matcher(reference).matches() ? cases(reference, choice) : List.of();
                case PUNCTUATION -> worded ? punctuated(reference, choice) : List.of();
                case SENTENCE -> worded ? List.of("The answer is " + reference + (endsSentence(reference) ? "" : ".")) : List.of();
                case EXPLANATION -> worded ? List.of(reference + (endsSentence(reference) ? " That is " : ", because that is ")
                        + "what the question asks.") : List.of();
                case NUMBER_FORM -> Renderings.plainNumber(reference).map(EquivalenceVariants::numberForms).orElse(List.of());
                case JSON_LAYOUT -> jsonLayouts(reference);
            };
            texts.stream().filter(text -> !text.equals(reference))
                    .forEach(text -> variants.putIfAbsent(text, new Variant(kind, text)));
        }
        return List.copyOf(variants.values());
    }

    private static Set<Kind> text(Options spec, Task task) {
        Set<Kind> kinds = withCase(spec, EnumSet.of(Kind.WHITESPACE, Kind.PUNCTUATION, Kind.SENTENCE, Kind.EXPLANATION), true);
        // A number the author typed as a number is a quantity, unless it is a year ("1,969" is no year).
        if (task.answer() instanceof Number number && !year(number, task.prompt())) {
            kinds.add(Kind.NUMBER_FORM);
        }
        return kinds;
    }

    private static Set<Kind> withCase(Options spec, Set<Kind> kinds, boolean insensitiveByDefault) {
        if (!(spec.get("case_sensitive") instanceof Boolean b ? b : !insensitiveByDefault)) {
            kinds.add(Kind.CASE);
        }
        return kinds;
    }

    private static Set<Kind> common(List<Options> specs, Task task) {
        Set<Kind> kinds = EnumSet.allOf(Kind.class);
        specs.forEach(spec -> kinds.retainAll(byCheck(spec, task)));
        return specs.isEmpty() ? EnumSet.of(Kind.WHITESPACE) : kinds;
    }

    private static List<Options> nested(Options spec, String key, boolean weighted) {
        List<Options> specs = new ArrayList<>();
        if (spec.get(key) instanceof List<?> items) {
            for (Object item : items) {
                Object inner = weighted && item instanceof Map<?, ?> map ? map.get("check") : item;
                if (inner instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> values = (Map<String, Object>) map;
                    specs.add(Options.of(values));
                }
            }
        }
        return specs;
    }

    private static boolean year(Number number, String prompt) {
        double value = number.doubleValue();
        return value == Math.rint(value) && value >= 1000 && value <= 2100 && YEAR_QUESTION.matcher(prompt).find();
    }

    private static List<String> cases(String reference, boolean choice) {
        String lower = reference.toLowerCase(Locale.ROOT);
        if (choice) {
            return List.of(lower);
        }
        StringBuilder title = new StringBuilder(lower.length());
        boolean start = true;
        for (char c : lower.toCharArray()) {
            title.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return List.of(lower, reference.toUpperCase(Locale.ROOT), title.toString());
    }

    private static List<String> punctuated(String reference, boolean choice) {
        List<String> texts = new ArrayList<>();
        if (!endsSentence(reference)) {
            texts.add(reference + ".");
        }
        if (choice) {
            texts.add("(" + reference + ")");
        }
        return texts;
    }

    private static boolean endsSentence(String text) {
        return ENDS_SENTENCE.matcher(text).matches();
    }

    /** 1000 as "1000.0" and "1,000"; 1.5 as "1.50". */
    private static List<String> numberForms(BigDecimal value) {
        if (value.scale() > 0) {
            return List.of(value.toPlainString() + "0");
        }
        List<String> forms = new ArrayList<>(List.of(value.toPlainString() + ".0"));
        if (value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            forms.add(grouped.format(new BigInteger(value.toPlainString())));
        }
        return forms;
    }

    /** Pretty-printed, with object keys in reverse order, and in a fenced block; for objects and arrays only. */
    private static List<String> jsonLayouts(String reference) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(reference);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (tree == null || !tree.isContainerNode()) {
            return List.of();
        }
        try {
            String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            return List.of(pretty, Json.MAPPER.writeValueAsString(reversed(tree)), "```json\n" + pretty + "\n```");
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = Json.MAPPER.createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            Collections.reverse(fields);
            fields.forEach(field -> result.set(field.getKey(), reversed(field.getValue())));
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = Json.MAPPER.createArrayNode();
            node.forEach(element -> result.add(reversed(element)));
            return result;
        }
        return node;
    }
}
