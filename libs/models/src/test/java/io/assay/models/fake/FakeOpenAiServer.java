package io.assay.models.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.assay.models.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fake OpenAI Chat Completions endpoint: base URL {@code http://127.0.0.1:PORT/v1}. */
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
        body.put("usage", Map.of("prompt_tokens", answer.usage().inputTokens(),
                "completion_tokens", answer.usage().outputTokens(),
                "total_tokens", answer.usage().totalTokens()));
        return body;
    }

    private static Map<String, Object> toolCall(ToolCall call) {
        try {
            return Map.of("id", call.id(), "type", "function", "function",
                    Map.of("name", call.name(), "arguments", MAPPER.writeValueAsString(call.arguments())));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
