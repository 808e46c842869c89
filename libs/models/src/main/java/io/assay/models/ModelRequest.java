package io.assay.models;

import io.assay.spi.Tool;
import java.util.List;

/**
 * One call to a model: the conversation so far, the tools it may call, and sampling limits.
 *
 * @param messages the conversation, oldest first; at least one message
 * @param tools the tools offered; empty for plain chat
 * @param maxTokens the most output tokens the model may produce
 * @param temperature the sampling temperature, or {@code null} for the endpoint's default
 *                    (some reasoning models accept no other)
 */
public record ModelRequest(List<ChatMessage> messages, List<Tool> tools, int maxTokens, Double temperature) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model request needs at least one message");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
        }
    }
}
