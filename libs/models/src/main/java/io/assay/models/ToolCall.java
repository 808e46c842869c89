package io.assay.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool call the model asked for.
 *
 * @param id the provider's id for the call; the tool's result must quote it ({@link ChatMessage#toolResult})
 * @param name the tool's name
 * @param arguments the arguments as a JSON object (plain Java values)
 */
public record ToolCall(String id, String name, Map<String, Object> arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
