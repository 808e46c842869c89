package io.assay.tau.airline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Tool arguments as JSON trees, numbers exact, and the Python type names upstream's errors show. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {
    }

    /** An argument as a tree; an absent one is a missing node. */
    static JsonNode tree(Object argument) {
        return argument == null ? MissingNode.getInstance() : MAPPER.valueToTree(argument);
    }

    /** The name of the Python type the value would have after {@code json.loads}. */
    static String pythonType(JsonNode value) {
        if (value.isTextual()) {
            return "str";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isObject()) {
            return "dict";
        }
        if (value.isArray()) {
            return "list";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? "int" : "float";
        }
        return "NoneType";
    }
}
