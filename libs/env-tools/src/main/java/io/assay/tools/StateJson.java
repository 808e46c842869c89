package io.assay.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts domain state and tool results between Jackson trees and the JSON-shaped maps of the
 * SPI, keeping decimals exact: money is {@code 54.04}, never {@code 54.039999}.
 */
final class StateJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private StateJson() {
    }

    /**
     * The state as maps and lists, walked directly rather than through Jackson's conversion: states
     * run to megabytes (tau-bench's airline), and grading reads them on every trial.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(ObjectNode state) {
        return (Map<String, Object>) plain(state);
    }

    static Object plain(JsonNode node) {
        if (node instanceof SharedState.FrozenObjectNode frozen) {
            return frozen.plain();
        }
        if (node instanceof SharedState.FrozenArrayNode frozen) {
            return frozen.plain();
        }
        if (node.isObject()) {
            Map<String, Object> map = LinkedHashMap.newLinkedHashMap(node.size());
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isFloatingPointNumber()) {
            // As the mapper reads floats (USE_BIG_DECIMAL_FOR_FLOATS): exact decimals.
            return node.isBigDecimal() ? node.decimalValue() : BigDecimal.valueOf(node.doubleValue());
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    /** The state as a tree again; parts that came from a frozen tree are that tree's nodes, shared. */
    static ObjectNode toTree(Map<String, Object> state) {
        return (ObjectNode) tree(state);
    }

    private static JsonNode tree(Object value) {
        return switch (value) {
            case SharedState.FrozenMap frozen -> frozen.node;
            case SharedState.FrozenList frozen -> frozen.node;
            case Map<?, ?> map -> {
                ObjectNode object = MAPPER.createObjectNode();
                map.forEach((key, child) -> object.set(String.valueOf(key), tree(child)));
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = MAPPER.createArrayNode();
                list.forEach(element -> array.add(tree(element)));
                yield array;
            }
            default -> MAPPER.valueToTree(value);
        };
    }

    /** What the agent reads: text as itself, anything else as compact JSON. */
    static String observation(JsonNode result) {
        if (result == null || result.isNull()) {
            return "";
        }
        if (result.isTextual()) {
            return result.asText();
        }
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
