package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded action of an agent: a note, a tool call, a command, a model request. Model and tool
 * calls have their own types, {@link ModelCall} and {@link ToolCall}, which write and read their steps.
 *
 * <pre>{@code
 * new TraceStep("command", Map.of("command", "pytest -q", "exit_code", 1));
 * }</pre>
 *
 * @param kind what sort of step, for example {@code note}, {@code tool_call} or {@code model_call}
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
