package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * tau2-bench's database hash, {@code sha256(json.dumps(db.model_dump(), sort_keys=True))}, of a
 * state: Python's JSON text with sorted keys, its separators, ASCII escapes and float {@code repr}.
 */
final class PythonStateHash {

    private PythonStateHash() {
    }

    static String of(JsonNode state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dumps(state).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String dumps(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            StringJoiner object = new StringJoiner(", ", "{", "}");
            fields.forEach(field -> object.add(PythonJson.quote(field.getKey()) + ": " + dumps(field.getValue())));
            return object.toString();
        }
        if (node.isArray()) {
            StringJoiner array = new StringJoiner(", ", "[", "]");
            node.forEach(element -> array.add(dumps(element)));
            return array.toString();
        }
        if (node.isTextual()) {
            return PythonJson.quote(node.asText());
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return PyNumbers.repr(node.doubleValue());
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "true" : "false";
        }
        return "null";
    }
}
