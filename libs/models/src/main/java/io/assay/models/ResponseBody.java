package io.assay.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed response body whose accessors fail with a {@link ModelException} that says which field
 * was missing or wrong, from which endpoint, with an excerpt of the body. Not retryable: the same
 * request would most likely get the same broken answer.
 */
final class ResponseBody {

    private final String endpoint;
    private final String text;
    private final ApiKey key;
    private final JsonNode root;

    private ResponseBody(String endpoint, String text, ApiKey key, JsonNode root) {
        this.endpoint = endpoint;
        this.text = text;
        this.key = key;
        this.root = root;
    }

    /** Parses {@code text}; error messages mask {@code key} wherever the body echoes it. */
    static ResponseBody parse(String endpoint, String text, ApiKey key) {
        ResponseBody body = new ResponseBody(endpoint, text, key, null);
        JsonNode root;
        try {
            root = ModelJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw body.malformed("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw body.malformed("expected a JSON object");
        }
        return new ResponseBody(endpoint, text, key, root);
    }

    JsonNode root() {
        return root;
    }

    /** The field {@code name} of {@code node}, which {@code path} locates for the message; present and not null. */
    JsonNode require(JsonNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw malformed("missing field " + qualified(path, name));
        }
        return value;
    }

    String requireText(JsonNode node, String path, String name) {
        JsonNode value = require(node, path, name);
        if (!value.isTextual()) {
            throw malformed("field " + qualified(path, name) + " is not a string");
        }
        return value.asText();
    }

    long requireCount(JsonNode node, String path, String name) {
        JsonNode value = require(node, path, name);
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw malformed("field " + qualified(path, name) + " is not a token count");
        }
        return value.asLong();
    }

    /** The text of an optional string field, or {@code null}. */
    static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    ModelException malformed(String what) {
        return new ModelException(200, false, key.redact("malformed response from " + endpoint + ": " + what
                + "; body: " + ModelJson.excerpt(text)));
    }

    private static String qualified(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
