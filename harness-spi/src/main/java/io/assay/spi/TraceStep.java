package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded action of an agent: a note, a tool call, a command, a model request.
 *
 * <pre>{@code
 * new TraceStep("tool_call", Map.of("name", "find_user", "arguments", Map.of("email", "a@b.c")));
 * }</pre>
 *
 * @param kind what sort of step, for example {@code note} or {@code tool_call}
 * @param data JSON-shaped details
 */
public record TraceStep(String kind, Map<String, Object> data) {

    public TraceStep {
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A free-text note. */
    public static TraceStep note(String text) {
        return new TraceStep("note", Map.of("text", text));
    }
}
