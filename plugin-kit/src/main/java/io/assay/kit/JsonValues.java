package io.assay.kit;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Plain JSON values ({@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map},
 * {@code null}: what the SPI passes as answers, solutions and options) as text. Decimals are
 * written as written: a solution of {@code 1E+3} read as a {@code BigDecimal} answers "1000".
 *
 * <pre>{@code
 * JsonValues.text("Paris");                     // Paris
 * JsonValues.text(new BigDecimal("1E+3"));      // 1000
 * JsonValues.text(List.of(1, "a"));             // [1,"a"]
 * JsonValues.text(null);                        // (empty)
 * JsonValues.json("Paris");                     // "Paris"
 * }</pre>
 *
 * <p>The output is what Jackson writes for the same values with
 * {@code WRITE_BIGDECIMAL_AS_PLAIN}; the kit writes it itself so it needs no JSON library.
 */
public final class JsonValues {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonValues() {
    }

    /** A value as answer text: strings as they are, {@code null} as empty, other values as compact JSON. */
    public static String text(Object value) {
        return switch (value) {
            case null -> "";
            case String s -> s;
            default -> json(value);
        };
    }

    /**
     * A value as compact JSON.
     *
     * @throws IllegalArgumentException when {@code value} holds something other than plain values
     */
    public static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> appendString(s, out);
            case Boolean b -> out.append(b);
            case BigDecimal d -> out.append(d.toPlainString());
            case Double d when d.isNaN() || d.isInfinite() -> appendString(d.toString(), out);
            case Float f when f.isNaN() || f.isInfinite() -> appendString(f.toString(), out);
            case Number n -> out.append(n);
            case Map<?, ?> map -> object(map, out);
            case Collection<?> list -> array(list, out);
            default -> throw new IllegalArgumentException("not a plain JSON value (" + value.getClass().getName()
                    + "): " + value);
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            appendString(String.valueOf(entry.getKey()), out);
            out.append(':');
            write(entry.getValue(), out);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        out.append('}');
    }

    private static void array(Collection<?> list, StringBuilder out) {
        out.append('[');
        Iterator<?> items = list.iterator();
        while (items.hasNext()) {
            write(items.next(), out);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }

    /** A JSON string, escaped as Jackson escapes it: quote, backslash and control characters only. */
    /** Appends {@code text} as a JSON string literal, for writers that build large documents in one buffer. */
    public static void appendString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
