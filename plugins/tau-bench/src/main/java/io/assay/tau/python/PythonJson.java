package io.assay.tau.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.StringJoiner;

/**
 * JSON as Python sees it: text as {@code json.dumps} writes it with its defaults ({@code ", "} and
 * {@code ": "} between items, non-ASCII as {@code \\uXXXX}), for the tools whose result upstream
 * returns as such a string rather than as an object; and the Python type a value has after
 * {@code json.loads}, which upstream's error messages name.
 *
 * <pre>{@code
 * PythonJson.dumps(Map.of("T-Shirt", "9523456873"));   // {"T-Shirt": "9523456873"}
 * }</pre>
 */
public final class PythonJson {

    private PythonJson() {
    }

    public static String dumps(Map<String, String> strings) {
        StringJoiner object = new StringJoiner(", ", "{", "}");
        strings.forEach((key, value) -> object.add(quote(key) + ": " + quote(value)));
        return object.toString();
    }

    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** The name of the Python type the value would have after {@code json.loads}: {@code str}, {@code int}, ... */
    public static String typeName(JsonNode value) {
        if (value.isTextual()) {
            return "str";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isObject()) {
            return "dict";
        }
        if (value.isArray()) {
            return "list";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? "int" : "float";
        }
        return "NoneType";
    }
}
