package io.assay.trust.holdout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and writing a split's JSON files. Every problem in a file read back is one
 * {@link InputException} naming the file, the field and what was expected.
 */
final class HoldoutJson {
    /** Indented, lists one element a line: commitments read down the page. */
    static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .enable(SerializationFeature.INDENT_OUTPUT);
    static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

    private HoldoutJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void write(Path file, JsonNode tree) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(tree) + "\n");
    }

    /**
     * The JSON object in {@code file}.
     *
     * @param what what the file is, for the hint when it is missing
     */
    static JsonNode read(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": file not found", "expected " + what);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException(file + ":" + e.getLocation().getLineNr() + ": invalid JSON: " + e.getOriginalMessage(),
                    "expected " + what);
        }
        if (tree == null || !tree.isObject()) {
            throw new InputException(file + ": expected a JSON object", "expected " + what);
        }
        return tree;
    }

    /** The field at {@code path} (dot-separated) in {@code tree}, which must match {@code pattern}. */
    static String text(Path file, JsonNode tree, String path, Pattern pattern, String expected) {
        JsonNode value = at(tree, path);
        if (!value.isTextual() || !pattern.matcher(value.asText()).matches()) {
            throw bad(file, path, expected, value);
        }
        return value.asText();
    }

    /** The whole number at {@code path}, at least {@code min}. */
    static long number(Path file, JsonNode tree, String path, long min) {
        JsonNode value = at(tree, path);
        if (!value.isIntegralNumber() || value.asLong() < min) {
            throw bad(file, path, "a whole number of at least " + min, value);
        }
        return value.asLong();
    }

    /** The number at {@code path}, strictly between 0 and 1. */
    static double fraction(Path file, JsonNode tree, String path) {
        JsonNode value = at(tree, path);
        if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() >= 1) {
            throw bad(file, path, "a number between 0 and 1", value);
        }
        return value.asDouble();
    }

    /** The array at {@code path}. */
    static JsonNode array(Path file, JsonNode tree, String path) {
        JsonNode value = at(tree, path);
        if (!value.isArray()) {
            throw bad(file, path, "a list", value);
        }
        return value;
    }

    static InputException bad(Path file, String path, String expected, JsonNode value) {
        String found = value.isMissingNode() ? "missing" : "got " + value;
        return new InputException(file + ": " + path + ": expected " + expected + ", " + found,
                "the file is the one `assay holdout split` wrote; restore it from that split");
    }

    /** The node at {@code path}: names separated by dots, each with an optional {@code [index]}. */
    private static JsonNode at(JsonNode tree, String path) {
        JsonNode node = tree;
        for (String step : path.split("\\.")) {
            Matcher indexed = INDEXED.matcher(step);
            node = indexed.matches() ? node.path(indexed.group(1)).path(Integer.parseInt(indexed.group(2))) : node.path(step);
        }
        return node;
    }
}
