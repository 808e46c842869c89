package io.assay.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static Map<String, Object> toMap(ObjectNode state) {
        return MAPPER.convertValue(state, new TypeReference<>() { });
    }

    static ObjectNode toTree(Map<String, Object> state) {
        return MAPPER.valueToTree(state);
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
