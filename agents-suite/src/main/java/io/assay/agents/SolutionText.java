package io.assay.agents;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** A task's solution as answer text: strings as they are, other JSON values as compact JSON. */
final class SolutionText {
    // Plain decimals: a solution of 1000 read as 1E+3 must still answer "1000".
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SolutionText() {
    }

    static String of(Object solution) {
        if (solution == null) {
            return "";
        }
        if (solution instanceof String text) {
            return text;
        }
        try {
            return MAPPER.writeValueAsString(solution);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("solution is not a JSON value: " + solution, e);
        }
    }
}
