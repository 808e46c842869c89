package io.assay.core.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much JSON Assay reads in one value, and how to say so when a file goes past it.
 *
 * <p>Jackson's defaults guard servers against hostile input: a string of at most 20 million
 * characters. Assay reads files its user chose (task files, run directories), where a 60 MB prompt
 * is valid JSON, so strings are bounded only by what the JVM can hold. Nesting, number and field-name
 * lengths keep Jackson's bounds (1,000 levels, 1,000 digits, 50,000 characters), which no real
 * benchmark comes near; documents have no length limit.
 *
 * <pre>{@code
 * JsonFactory json = JsonFactory.builder().streamReadConstraints(ReadLimits.CONSTRAINTS).build();
 * }</pre>
 */
public final class ReadLimits {
    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .build();

    /** Jackson's wording, e.g. {@code Number value length (1200) exceeds the maximum allowed (1000, from `...`)}. */
    private static final Pattern EXCEEDED = Pattern.compile("(.+?) \\((\\d+)\\) (?:magnitude )?exceeds the maximum"
            + " allowed \\((\\d+)");

    private ReadLimits() {
    }

    /**
     * Which limit {@code e} hit, in the user's terms and without Jackson's class names, for example
     * {@code values nested 1001 levels deep, deeper than the 1000 levels Assay reads}.
     */
    public static String describe(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        Matcher exceeded = EXCEEDED.matcher(message);
        if (!exceeded.lookingAt()) {
            return message.replaceAll(",? from `[^`]*`", "");
        }
        String actual = exceeded.group(2);
        String limit = exceeded.group(3);
        return switch (exceeded.group(1)) {
            case "Document nesting depth" -> "values nested " + actual + " levels deep, deeper than the " + limit
                    + " levels Assay reads";
            case "String value length" -> "a string of " + actual + " characters, longer than the " + limit
                    + " Assay reads";
            case "Number value length" -> "a number of " + actual + " digits, longer than the " + limit
                    + " Assay reads; write it as a string";
            case "Name length" -> "a field name of " + actual + " characters, longer than the " + limit
                    + " Assay reads";
            default -> exceeded.group(1).toLowerCase(Locale.ROOT) + " " + actual
                    + " is more than the " + limit + " Assay reads";
        };
    }
}
