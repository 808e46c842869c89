package io.assay.testkit.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake Anthropic Messages endpoint: base URL {@code http://127.0.0.1:PORT}, path
 * {@code /v1/messages}; answers are {@code text} and {@code tool_use} content blocks with
 * {@code stop_reason} and {@code usage} as Anthropic's are.
 *
 * <pre>{@code
 * try (FakeAnthropicServer anthropic = new FakeAnthropicServer()) {
 *     anthropic.enqueue(Reply.serverError(), Reply.text("{\"verdict\": \"correct\", \"reason\": \"It names Paris.\"}"));
 *     // give the judge base_url = anthropic.baseUrl(), then grade
 * }
 * }</pre>
 */
public final class FakeAnthropicServer extends FakeModelServer {

    public FakeAnthropicServer() {
        super("", "/v1/messages");
    }

    @Override
    protected Map<String, Object> render(Reply.Answer answer, String servedModel, int sequence) {
        List<Map<String, Object>> content = new ArrayList<>();
        if (!answer.text().isEmpty()) {
            content.add(Map.of("type", "text", "text", answer.text()));
        }
        for (Reply.ToolCall call : answer.toolCalls()) {
            content.add(Map.of("type", "tool_use", "id", call.id(), "name", call.name(), "input", call.arguments()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "msg_fake_" + sequence);
        body.put("type", "message");
        body.put("role", "assistant");
        body.put("model", servedModel);
        body.put("content", content);
        body.put("stop_reason", answer.toolCalls().isEmpty() ? "end_turn" : "tool_use");
        body.put("stop_sequence", null);
        body.put("usage", Map.of("input_tokens", answer.inputTokens(), "output_tokens", answer.outputTokens()));
        return body;
    }
}
