package io.assay.retail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a retail tool's JSON Schema parameters; every parameter declared is required. */
final class Parameters {
    private final Map<String, Object> properties = new LinkedHashMap<>();

    Parameters text(String name, String description) {
        properties.put(name, Map.of("type", "string", "description", description));
        return this;
    }

    Parameters choice(String name, String description, List<String> allowed) {
        properties.put(name, Map.of("type", "string", "description", description, "enum", allowed));
        return this;
    }

    Parameters texts(String name, String description) {
        properties.put(name, Map.of("type", "array", "items", Map.of("type", "string"), "description", description));
        return this;
    }

    Parameters address() {
        return text("address1", "The first line of the address, such as '123 Main St'.")
                .text("address2", "The second line of the address, such as 'Apt 1' or 'Suite 2'; empty if none.")
                .text("city", "The city, such as 'San Francisco'.")
                .text("state", "The state, such as 'CA'.")
                .text("country", "The country, such as 'USA'.")
                .text("zip", "The zip code, such as '12345'.");
    }

    Map<String, Object> schema() {
        return Map.of("type", "object", "properties", Map.copyOf(properties),
                "required", List.copyOf(new ArrayList<>(properties.keySet())));
    }
}
