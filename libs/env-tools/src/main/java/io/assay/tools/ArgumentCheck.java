package io.assay.tools;

import io.assay.spi.Options;
import io.assay.spi.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a call's arguments against its tool's JSON Schema: the subset tool schemas use
 * ({@code properties} with {@code type}, {@code items} and {@code enum}, and {@code required}).
 * What is wrong comes back as one sentence for the agent.
 */
final class ArgumentCheck {

    private ArgumentCheck() {
    }

    static Optional<String> problems(Tool tool, Map<String, Object> arguments) {
        Map<?, ?> properties = tool.parameters().get("properties") instanceof Map<?, ?> map ? map : Map.of();
        List<?> required = tool.parameters().get("required") instanceof List<?> list ? list : List.of();
        List<String> problems = new ArrayList<>();
        for (Object name : required) {
            if (arguments.get(String.valueOf(name)) == null) {
                problems.add(name + " is required");
            }
        }
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            if (!(properties.get(argument.getKey()) instanceof Map<?, ?> schema)) {
                problems.add(argument.getKey() + " is not a parameter");
            } else if (argument.getValue() != null) {
                mismatch(argument.getKey(), schema, argument.getValue()).ifPresent(problems::add);
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("invalid arguments for " + tool.name() + ": " + String.join("; ", problems)
                + " (parameters: " + (properties.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names(properties))))
                + ")");
    }

    private static Optional<String> mismatch(String name, Map<?, ?> schema, Object value) {
        String type = String.valueOf(schema.get("type"));
        boolean matches = switch (type) {
            case "string" -> value instanceof String;
            case "number" -> value instanceof Number;
            case "integer" -> value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
            case "boolean" -> value instanceof Boolean;
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?>;
            default -> true;
        };
        if (!matches) {
            return Optional.of(name + " must be " + (type.equals("array") || type.equals("integer") ? "an " : "a ")
                    + type + ", got " + Options.describe(value));
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            return Optional.of(name + " must be one of " + allowed + ", got " + Options.describe(value));
        }
        if (value instanceof List<?> elements && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < elements.size(); i++) {
                Optional<String> element = mismatch(name + "[" + i + "]", items, elements.get(i));
                if (element.isPresent()) {
                    return element;
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> names(Map<?, ?> properties) {
        return properties.keySet().stream().map(String::valueOf).toList();
    }
}
