package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.tau.python.PythonFloat;
import io.assay.tau.python.PythonJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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
        StringBuilder text = new StringBuilder();
        write(node, text);
        return text.toString();
    }

    private static void write(JsonNode node, StringBuilder text) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            text.append('{');
            for (int i = 0; i < fields.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(PythonJson.quote(fields.get(i).getKey())).append(": ");
                write(fields.get(i).getValue(), text);
            }
            text.append('}');
        } else if (node.isArray()) {
            text.append('[');
            for (int i = 0; i < node.size(); i++) {
                text.append(i == 0 ? "" : ", ");
                write(node.get(i), text);
            }
            text.append(']');
        } else if (node.isTextual()) {
            text.append(PythonJson.quote(node.asText()));
        } else if (node.isIntegralNumber()) {
            text.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            text.append(PythonFloat.repr(node.doubleValue()));
        } else if (node.isBoolean()) {
            text.append(node.asBoolean());
        } else {
            text.append("null");
        }
    }
}
