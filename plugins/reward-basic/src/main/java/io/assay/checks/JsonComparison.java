package io.assay.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.assay.kit.Excerpt;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares two JSON trees by meaning: object key order is ignored, numbers compare by value
 * ({@code 1 == 1.0}), arrays compare element by element in order. In subset mode an object may
 * have fields the expected one lacks, at every depth.
 */
final class JsonComparison {

    /** Where and how the trees first differ. */
    record Difference(String path, String problem) {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonComparison() {
    }

    static Optional<Difference> firstDifference(JsonNode expected, JsonNode actual, boolean subset) {
        return compare("$", expected, actual, subset);
    }

    private static Optional<Difference> compare(String path, JsonNode expected, JsonNode actual, boolean subset) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : mismatch(path, expected, actual);
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return mismatch(path, expected, actual);
        }
        if (expected.isObject()) {
            return compareObjects(path, expected, actual, subset);
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return Optional.of(new Difference(path, "expected " + expected.size() + " elements, got " + actual.size()));
            }
            for (int i = 0; i < expected.size(); i++) {
                Optional<Difference> difference = compare(path + "[" + i + "]", expected.get(i), actual.get(i), subset);
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty() : mismatch(path, expected, actual);
    }

    private static Optional<Difference> compareObjects(String path, JsonNode expected, JsonNode actual, boolean subset) {
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            String fieldPath = fieldPath(path, field.getKey());
            JsonNode value = actual.get(field.getKey());
            if (value == null) {
                return Optional.of(new Difference(fieldPath, "missing; expected " + show(field.getValue())));
            }
            Optional<Difference> difference = compare(fieldPath, field.getValue(), value, subset);
            if (difference.isPresent()) {
                return difference;
            }
        }
        if (!subset) {
            for (Map.Entry<String, JsonNode> field : actual.properties()) {
                if (!expected.has(field.getKey())) {
                    return Optional.of(new Difference(fieldPath(path, field.getKey()),
                            "unexpected field with value " + show(field.getValue())));
                }
            }
        }
        return Optional.empty();
    }

    private static String fieldPath(String path, String key) {
        return IDENTIFIER.matcher(key).matches() ? path + "." + key : path + "[" + JsonNodeFactory.instance.textNode(key) + "]";
    }

    private static Optional<Difference> mismatch(String path, JsonNode expected, JsonNode actual) {
        return Optional.of(new Difference(path, "expected " + show(expected) + ", got " + show(actual)));
    }

    private static String show(JsonNode node) {
        return Excerpt.shorten(node.toString(), 40);
    }
}
