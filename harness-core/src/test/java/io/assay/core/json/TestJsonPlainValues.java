package io.assay.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Walking a tree into plain values gives exactly what Jackson's own conversion gives, types included. */
class TestJsonPlainValues {

    @Test
    void sameValuesAndTypesAsJacksonsConversion() throws Exception {
        JsonNode tree = Json.MAPPER.readTree("""
                {"text": "a", "int": 7, "long": 12345678901234, "big": 123456789012345678901234567890,
                 "decimal": 0.10, "exponent": 1e3, "true": true, "null": null, "empty": {}, "list": [1, "b", [2.5, null], {"k": false}]}
                """);

        Object walked = Json.toPlain(tree);
        Object converted = Json.MAPPER.convertValue(tree, Object.class);

        assertThat(walked).isEqualTo(converted);
        assertThat(types(walked)).isEqualTo(types(converted));
    }

    /** The value with each leaf replaced by its class name, so equal-looking numbers of different types differ. */
    private static Object types(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, types(v)));
            return out;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(TestJsonPlainValues::types).toList();
        }
        return value == null ? "null" : value.getClass().getName();
    }
}
