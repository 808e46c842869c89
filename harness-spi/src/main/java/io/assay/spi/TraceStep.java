package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** A message between agent and user: kind {@code message}, data {@code role} (lower case) and {@code content}. */
    public static TraceStep message(Message message) {
        return new TraceStep("message", Map.of("role", message.role().name().toLowerCase(Locale.ROOT),
                "content", message.content()));
    }

    /** A tool call and what it gave back: kind {@code tool_call}, data {@code name}, {@code arguments}, {@code result}, {@code error}. */
    public static TraceStep toolCall(String name, Map<String, Object> arguments, ToolResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("arguments", arguments);
        data.put("result", result.content());
        data.put("error", result.error());
        return new TraceStep("tool_call", data);
    }

    /** The message this step records, if it is a {@link #message(Message)} step. */
    public Optional<Message> asMessage() {
        if (!kind.equals("message") || !(data.get("role") instanceof String role)) {
            return Optional.empty();
        }
        Message.Role parsed;
        try {
            parsed = Message.Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownRole) {
            return Optional.empty();
        }
        return Optional.of(new Message(parsed, String.valueOf(data.get("content"))));
    }
}
