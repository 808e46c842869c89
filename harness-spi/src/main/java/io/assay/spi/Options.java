package io.assay.spi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A configuration object from a suite file or the command line, with typed accessors that fail
 * with an {@link InvalidOptionException} naming the field and what was expected.
 *
 * <p>Values are JSON-shaped: {@code String}, {@code Number}, {@code Boolean}, {@code List},
 * {@code Map} or {@code null}. {@code path} locates the object in its file (for example
 * {@code reward.checks[1]}) so errors point at the right place.
 *
 * <p>Numbers and booleans may also be given as text ({@code "20"}, {@code "true"}), as
 * {@code -A KEY=VALUE} on the command line gives them.
 *
 * <pre>{@code
 * options.allowOnly("type", "pattern");
 * String pattern = options.string("pattern");          // required
 * boolean caseSensitive = options.bool("case_sensitive", false);
 * }</pre>
 *
 * @param path where this object sits in its document; empty at the top level
 * @param values the fields, in document order
 */
public record Options(String path, Map<String, Object> values) {

    public Options {
        path = path == null ? "" : path;
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Options at the top level of a document. */
    public static Options of(Map<String, Object> values) {
        return new Options("", values);
    }

    /** No options at all. */
    public static Options empty() {
        return of(Map.of());
    }

    /** The qualified name of a field, as errors show it: {@code reward.checks[1].pattern}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The raw value, or {@code null} when absent. */
    public Object get(String key) {
        return values.get(key);
    }

    /** Rejects any field not listed, so a misspelt option never passes silently. */
    public void allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidOptionException(field(key),
                        "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    /** A required string. */
    public String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new InvalidOptionException(field(key), "required string is missing");
        }
        return requireString(key, value);
    }

    /** An optional string. */
    public String string(String key, String fallback) {
        Object value = values.get(key);
        return value == null ? fallback : requireString(key, value);
    }

    public boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text && (text.strip().equals("true") || text.strip().equals("false"))) {
            return Boolean.parseBoolean(text.strip()); // -A KEY=true on the command line
        }
        throw new InvalidOptionException(field(key), "expected true or false, got " + describe(value));
    }

    public double number(String key, double fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Number n = numeric(value);
        if (n != null) {
            return n.doubleValue();
        }
        throw new InvalidOptionException(field(key), "expected a number, got " + describe(value));
    }

    public int integer(String key, int fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Number n = numeric(value);
        if (n != null && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new InvalidOptionException(field(key), "expected a whole number, got " + describe(value));
    }

    /** A number, or a string holding one: {@code -A max_turns=20} on the command line arrives as text. */
    private static Number numeric(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** A list of strings; a single string is accepted as a list of one. Absent means empty. */
    public List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw new InvalidOptionException(field(key) + "[" + i + "]",
                            "expected a string, got " + describe(list.get(i)));
                }
                result.add(s);
            }
            return List.copyOf(result);
        }
        throw new InvalidOptionException(field(key), "expected a list of strings, got " + describe(value));
    }

    /** A required nested object. */
    public Options object(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new InvalidOptionException(field(key), "required object is missing");
        }
        return asOptions(field(key), value);
    }

    /** A required, non-empty list of objects. */
    public List<Options> objects(String key) {
        Object value = values.get(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidOptionException(field(key),
                    "expected a non-empty list of objects, got " + describe(value));
        }
        List<Options> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            result.add(asOptions(field(key) + "[" + i + "]", list.get(i)));
        }
        return List.copyOf(result);
    }

    /** A short description of a value's JSON type for error messages. */
    public static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return value.getClass().getSimpleName();
    }

    private String requireString(String key, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidOptionException(field(key), "expected a string, got " + describe(value));
    }

    @SuppressWarnings("unchecked")
    private static Options asOptions(String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            return new Options(path, (Map<String, Object>) map);
        }
        throw new InvalidOptionException(path, "expected an object, got " + describe(value));
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "" : path + "=") + values;
    }
}
