package io.assay.models;

import java.time.Duration;
import java.util.List;

/**
 * What a model answered, with the evidence a trial records: usage, latency, the identity the
 * endpoint reported and the exact JSON exchanged (which never contains the API key).
 *
 * @param text the answer's text; empty when the model only called tools
 * @param toolCalls the tool calls requested, in order
 * @param stopReason why generation stopped, in the provider's words ({@code stop}, {@code tool_calls},
 *                   {@code end_turn}, {@code max_tokens}, ...)
 * @param usage tokens consumed
 * @param servedModel the {@code model} field the endpoint returned, which may differ from the one requested
 * @param fingerprint OpenAI's {@code system_fingerprint}; {@code null} when the endpoint gives none (Anthropic)
 * @param latency time from sending the request to reading the whole response, of the successful attempt
 * @param attempts how many attempts the call took, retries included
 * @param rawRequest the request body sent
 * @param rawResponse the response body received
 */
public record ModelResponse(String text, List<ToolCall> toolCalls, String stopReason, Usage usage,
        String servedModel, String fingerprint, Duration latency, int attempts,
        String rawRequest, String rawResponse) {

    public ModelResponse {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
    }

    /** This response as the assistant message to append to the conversation. */
    public ChatMessage asMessage() {
        return ChatMessage.assistant(text, toolCalls);
    }

    public ModelResponse withAttempts(int count) {
        return new ModelResponse(text, toolCalls, stopReason, usage, servedModel, fingerprint, latency, count,
                rawRequest, rawResponse);
    }
}
