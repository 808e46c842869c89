package io.assay.spi;

/**
 * A configuration value is missing or wrong. The core adds the file and line.
 *
 * <pre>{@code
 * throw new InvalidOptionException(options.field("pattern"), "expected a valid regular expression: " + e.getDescription());
 * }</pre>
 */
public class InvalidOptionException extends RuntimeException {
    private final String field;
    private final String expected;

    /**
     * @param field the qualified field name, from {@link Options#field(String)}
     * @param expected what was wrong and what is expected, as one phrase
     */
    public InvalidOptionException(String field, String expected) {
        super(field + ": " + expected);
        this.field = field;
        this.expected = expected;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }
}
