package io.assay.testkit.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake OpenAI Chat Completions endpoint: base URL {@code http://127.0.0.1:PORT/v1}, path
 * {@code /v1/chat/completions}; answers carry {@code choices[0].message}, {@code usage} and
 * {@code system_fingerprint} as OpenAI's do.
 *
 * <pre>{@code
 * try (FakeOpenAiServer openAi = new FakeOpenAiServer()) {
 *     openAi.enqueue(Reply.toolCall("call_1", "lookup", Map.of("id", "7")), Reply.text("Order 7 has shipped."));
 *     // give the agent or judge base_url = openAi.baseUrl(), then run it
 * }
 * }</pre>
 */
public final class FakeOpenAiServer extends FakeModelServer {

    public FakeOpenAiServer() {
        super("/v1", "/v1/chat/completions");
    }

    @Override
    protected Map<String, Object> render(Reply.Answer answer, String servedModel, int sequence) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", answer.text().isEmpty() && !answer.toolCalls().isEmpty() ? null : answer.text());
        if (!answer.toolCalls().isEmpty()) {
            message.put("tool_calls", answer.toolCalls().stream().map(FakeOpenAiServer::toolCall).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-fake-" + sequence);
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000);
        body.put("model", servedModel);
        body.put("system_fingerprint", answer.fingerprint());
        body.put("choices", List.of(Map.of("index", 0, "message", message,
                "finish_reason", answer.toolCalls().isEmpty() ? "stop" : "tool_calls")));
        body.put("usage", Map.of("prompt_tokens", answer.inputTokens(),
                "completion_tokens", answer.outputTokens(),
                "total_tokens", answer.inputTokens() + answer.outputTokens()));
        return body;
    }

    /** OpenAI sends a call's arguments as JSON text. */
    private static Map<String, Object> toolCall(Reply.ToolCall call) {
        return Map.of("id", call.id(), "type", "function", "function",
                Map.of("name", call.name(), "arguments", Json.write(call.arguments())));
    }
}
