package io.assay.models;

import java.util.List;
import java.util.Objects;

/**
 * One message of a model conversation, provider-neutral.
 *
 * <pre>{@code
 * List<ChatMessage> messages = new ArrayList<>(List.of(
 *         ChatMessage.system("You are a support agent."), ChatMessage.user("Cancel order #W1.")));
 * ModelResponse response = client.complete(new ModelRequest(messages, tools, 1024, 0.0));
 * messages.add(response.asMessage());
 * for (ToolCall call : response.toolCalls()) {
 *     messages.add(ChatMessage.toolResult(call.id(), run(call)));
 * }
 * }</pre>
 *
 * @param role who speaks
 * @param text the text; may be empty for an assistant message that only calls tools
 * @param toolCalls the calls an assistant message requested; empty for other roles
 * @param toolCallId for {@link Role#TOOL} only: the id of the call this message answers
 */
public record ChatMessage(Role role, String text, List<ToolCall> toolCalls, String toolCallId) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only assistant messages carry tool calls, not " + role);
        }
        if ((role == Role.TOOL) != (toolCallId != null)) {
            throw new IllegalArgumentException("a tool call id belongs on tool messages and only there (role " + role + ")");
        }
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text, List.of(), null);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text, List.of(), null);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text, List.of(), null);
    }

    public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
        return new ChatMessage(Role.ASSISTANT, text, toolCalls, null);
    }

    /** What a tool gave back, answering the call with id {@code toolCallId}. */
    public static ChatMessage toolResult(String toolCallId, String text) {
        return new ChatMessage(Role.TOOL, text, List.of(), Objects.requireNonNull(toolCallId, "toolCallId"));
    }

    /** Who speaks. */
    public enum Role {
        SYSTEM, USER, ASSISTANT, TOOL
    }
}
