package io.assay.trust.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two JSON values differ, field by field: {@code score.mean}, {@code segments.level.easy.trials}.
 * Numbers compare by value, so {@code 1} equals {@code 1.0}.
 */
final class JsonDifferences {

    /**
     * One difference.
     *
     * @param path the field, dotted, or {@code (root)}; array elements as {@code ci95[0]}
     * @param expected the value in the first tree, or {@code (none)}
     * @param actual the value in the second, or {@code (none)}
     */
    record Difference(String path, String expected, String actual) {
    }

    private JsonDifferences() {
    }

    /** Every place {@code actual} differs from {@code expected}, in field order. */
    static List<Difference> of(JsonNode expected, JsonNode actual) {
        List<Difference> differences = new ArrayList<>();
        walk("", expected, actual, differences);
        return differences;
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<Difference> differences) {
        if (expected == null || actual == null) {
            differences.add(new Difference(name(path), text(expected), text(actual)));
        } else if (expected.isObject() && actual.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                walk(path.isEmpty() ? field : path + "." + field, expected.get(field), actual.get(field), differences);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> left = expected.elements();
            Iterator<JsonNode> right = actual.elements();
            for (int i = 0; left.hasNext(); i++) {
                walk(path + "[" + i + "]", left.next(), right.next(), differences);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add(new Difference(name(path), text(expected), text(actual)));
            }
        } else if (!expected.equals(actual)) {
            differences.add(new Difference(name(path), text(expected), text(actual)));
        }
    }

    private static String name(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private static String text(JsonNode node) {
        return node == null ? "(none)" : node.toString();
    }
}
