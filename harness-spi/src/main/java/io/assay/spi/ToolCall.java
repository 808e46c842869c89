package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool call in a tool environment and what it gave back, as a trial records it. Tool
 * environments record each call in their transcript; rescoring replays a trial's calls on a fresh
 * copy of the domain to rebuild its end state.
 *
 * <pre>{@code
 * ToolResult result = tools.call("find_user", Map.of("email", "a@b.c"));
 * transcript.add(new ToolCall("find_user", Map.of("email", "a@b.c"), result).step());
 * ToolCall.from(step).ifPresent(call -> fresh.call(call.name(), call.arguments()));
 * }</pre>
 *
 * @param name the tool
 * @param arguments the arguments as the agent gave them, JSON-shaped
 * @param result what the tool gave back
 */
public record ToolCall(String name, Map<String, Object> arguments, ToolResult result) {
    private static final String KIND = "tool_call";

    public ToolCall {
        arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        Objects.requireNonNull(result, "result");
    }

    /** This call as a trace step: kind {@code tool_call}, data {@code name}, {@code arguments}, {@code result}, {@code error}. */
    public TraceStep step() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("arguments", arguments);
        data.put("result", result.content());
        data.put("error", result.error());
        return new TraceStep(KIND, data);
    }

    /** The call a {@code tool_call} step records; empty for any other step, or one without a name and arguments. */
    public static Optional<ToolCall> from(TraceStep step) {
        if (!step.kind().equals(KIND) || !(step.data().get("name") instanceof String name)
                || !(step.data().get("arguments") instanceof Map<?, ?> arguments)) {
            return Optional.empty();
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        arguments.forEach((key, value) -> typed.put(String.valueOf(key), value));
        Object content = step.data().get("result");
        return Optional.of(new ToolCall(name, typed, new ToolResult(content == null ? null : content.toString(),
                Boolean.TRUE.equals(step.data().get("error")))));
    }
}
