package io.assay.testkit.model;

import io.assay.kit.JsonValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from plain Java values ({@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}) for the fake endpoints: the plugin kit writes it, this reads it.
 * Not Jackson, because the test kit goes on plugins' test class paths, which must not get a
 * Jackson other than the plugin's own; the fakes only read requests, so this small parser suffices.
 */
final class Json {

    private Json() {
    }

    /** Compact JSON for a plain value. */
    static String write(Object value) {
        return JsonValues.json(value);
    }

    /**
     * Plain values for JSON text: objects keep their field order, whole numbers are {@code Integer},
     * {@code Long} or {@code BigInteger} by size, other numbers exact {@code BigDecimal}s.
     *
     * @throws IllegalArgumentException naming the offset where the text stops being JSON
     */
    static Object parse(String text) {
        Parser parser = new Parser(text);
        Object value = parser.value();
        parser.skipBlanks();
        if (parser.at < text.length()) {
            throw parser.error("the end of the text");
        }
        return value;
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object value() {
            skipBlanks();
            if (at >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("a value");
                }
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipBlanks();
            if (take('}')) {
                return map;
            }
            do {
                skipBlanks();
                if (at >= text.length() || text.charAt(at) != '"') {
                    throw error("a field name");
                }
                String key = string();
                skipBlanks();
                expect(':');
                map.put(key, value());
                skipBlanks();
            } while (take(','));
            expect('}');
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skipBlanks();
            if (take(']')) {
                return list;
            }
            do {
                list.add(value());
                skipBlanks();
            } while (take(','));
            expect(']');
            return list;
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("four hex digits");
                        }
                        at += 4;
                    }
                    default -> {
                        at--;
                        throw error("an escape sequence");
                    }
                }
            }
            throw error("the closing quote of a string");
        }

        private Number number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String digits = text.substring(start, at);
            try {
                BigDecimal number = new BigDecimal(digits);
                if (digits.indexOf('.') >= 0 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
                    return number;
                }
                BigInteger whole = number.toBigIntegerExact();
                if (whole.bitLength() < 32) {
                    return whole.intValue();
                }
                return whole.bitLength() < 64 ? whole.longValue() : whole;
            } catch (NumberFormatException | ArithmeticException e) {
                at = start;
                throw error("a number");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("a value");
            }
            at += word.length();
            return value;
        }

        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!take(c)) {
                throw error("'" + c + "'");
            }
        }

        void skipBlanks() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        IllegalArgumentException error(String expected) {
            String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
            return new IllegalArgumentException("not JSON: expected " + expected + " at offset " + at + ", found " + found);
        }
    }
}
