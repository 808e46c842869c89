package io.assay.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson configuration the core uses, and conversions between Jackson trees and the
 * plain JSON-shaped Java values ({@code String}, {@code Number}, {@code Boolean}, {@code List},
 * {@code Map}, {@code null}) that the SPI speaks.
 */
public final class Json {

    /**
     * Thread-safe once configured; shared. Decimals stay exact so {@code 0.1} is not
     * {@code 0.1000000001} and are written as written ({@code 1000}, not {@code 1E+3}, as the oracle
     * answers); records are written with snake_case names, the files' convention. Reads within
     * {@link ReadLimits}, so a run directory holding a 60 MB answer reads back.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().streamReadConstraints(ReadLimits.CONSTRAINTS).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /**
     * A Jackson tree as plain Java values, the types {@code MAPPER.convertValue(node, Object.class)}
     * gives, by walking the tree: converting through Jackson's token buffer cost most of the time
     * of reading a run's trials back.
     */
    public static Object toPlain(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), toPlain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toPlain(element));
            }
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return MAPPER.convertValue(node, Object.class); // binary and POJO nodes, which parsed JSON never holds
    }

    /** A Jackson object node as a plain map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toPlainMap(JsonNode node) {
        return (Map<String, Object>) toPlain(node);
    }

    /** Plain values as a Jackson tree. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Compact JSON text for any plain value or record. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
