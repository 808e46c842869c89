package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool an agent may call in a {@link ToolEnvironment}: its name, what it does, and its
 * parameters as a JSON Schema object, the shape model APIs take for function calling.
 *
 * <pre>{@code
 * new Tool("get_order_details", "Gets an order's status, items and payments.",
 *         Map.of("type", "object",
 *                "properties", Map.of("order_id", Map.of("type", "string")),
 *                "required", List.of("order_id")),
 *         true);
 * }</pre>
 *
 * @param name unique within its environment, {@code [a-z][a-z0-9_]*}
 * @param description one or two sentences for the agent
 * @param parameters a JSON Schema of {@code "type": "object"}, JSON-shaped
 * @param readOnly whether the tool only reads the domain's state; audits call such tools freely
 */
public record Tool(String name, String description, Map<String, Object> parameters, boolean readOnly) {

    public Tool {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parameters = parameters == null ? Map.of("type", "object")
                : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
