package io.assay.tau.retail;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Text as Python's {@code json.dumps} writes it with its defaults ({@code ", "} and {@code ": "}
 * between items, non-ASCII as {@code \\uXXXX}), for the tools whose result upstream returns as
 * such a string rather than as an object.
 */
final class PythonJson {

    private PythonJson() {
    }

    static String dumps(Map<String, String> strings) {
        StringJoiner object = new StringJoiner(", ", "{", "}");
        strings.forEach((key, value) -> object.add(quote(key) + ": " + quote(value)));
        return object.toString();
    }

    static String quote(String text) {
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
}
