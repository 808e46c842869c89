package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.RecordedRequest;
import io.assay.testkit.model.Reply;
import io.assay.spi.Tool;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestOpenAiChatClient {

    private static final Tool FIND_ORDER = new Tool("find_order", "Finds an order.",
            Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string"))), true);

    private static final ModelRequest HELLO = new ModelRequest(List.of(ChatMessage.user("hi")), List.of(), 16, null);

    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final OpenAiChatClient client = new OpenAiChatClient(
            ModelSpec.parse("openai/gpt-4o-mini").withBaseUrl(server.baseUrl()), ApiKey.of("OPENAI_API_KEY", "sk-test"),
            Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheConversationToolsAndKeyInChatCompletionsShape() throws Exception {
        List<ChatMessage> messages = List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Where is order 7?"),
                ChatMessage.assistant("", List.of(new ToolCall("call_1", "find_order", Map.of("id", "7")))),
                ChatMessage.toolResult("call_1", "{\"status\": \"shipped\"}"));

        client.complete(new ModelRequest(messages, List.of(FIND_ORDER), 256, 0.5));

        RecordedRequest request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Where is order 7?");
        assertThat(body.at("/messages/2/content").isNull()).isTrue();
        assertThat(body.at("/messages/2/tool_calls/0/id").asText()).isEqualTo("call_1");
        assertThat(body.at("/messages/2/tool_calls/0/type").asText()).isEqualTo("function");
        assertThat(body.at("/messages/2/tool_calls/0/function/name").asText()).isEqualTo("find_order");
        assertThat(body.at("/messages/2/tool_calls/0/function/arguments").asText()).isEqualTo("{\"id\":\"7\"}");
        assertThat(body.at("/messages/3/role").asText()).isEqualTo("tool");
        assertThat(body.at("/messages/3/tool_call_id").asText()).isEqualTo("call_1");
        assertThat(body.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("find_order");
        assertThat(body.at("/tools/0/function/parameters/properties/id/type").asText()).isEqualTo("string");
    }

    @Test
    void omitsTemperatureAndToolsWhenNotGiven() throws Exception {
        client.complete(HELLO);

        JsonNode body = new ObjectMapper().readTree(server.requests().getFirst().body());
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void readsATextAnswerWithUsageIdentityAndRawJson() throws Exception {
        server.enqueue(Reply.text("Paris").servedAs("gpt-4o-mini-2024-07-18").withFingerprint("fp_44").withUsage(12, 3));

        ModelResponse response = client.complete(new ModelRequest(List.of(ChatMessage.user("Capital of France?")), List.of(), 16, null));

        assertThat(response.text()).isEqualTo("Paris");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.stopReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(new Usage(12, 3));
        assertThat(response.servedModel()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.fingerprint()).isEqualTo("fp_44");
        assertThat(response.latency()).isPositive();
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.rawRequest()).isEqualTo(server.requests().getFirst().body());
        assertThat(response.rawResponse()).contains("\"chatcmpl-fake-1\"");
    }

    @Test
    void readsToolCallsWithExactArguments() throws Exception {
        server.enqueue(Reply.toolCall("call_9", "find_order", Map.of("id", "7", "amount", new BigDecimal("0.1"))));

        ModelResponse response = client.complete(new ModelRequest(List.of(ChatMessage.user("Order 7?")), List.of(FIND_ORDER), 64, null));

        assertThat(response.stopReason()).isEqualTo("tool_calls");
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("call_9", "find_order", Map.of("id", "7", "amount", new BigDecimal("0.1"))));
        assertThat(response.asMessage().toolCalls()).isEqualTo(response.toolCalls());
    }

    @Test
    void malformedJsonFailsWithoutRetryAndShowsTheBody() {
        server.enqueue(Reply.malformed("<html>Bad gateway</html>"));

        assertThatThrownBy(() -> client.complete(HELLO))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("malformed response from POST " + server.baseUrl() + "/chat/completions")
                .hasMessageContaining("not JSON")
                .hasMessageContaining("<html>Bad gateway</html>");
    }

    @Test
    void aMissingFieldIsNamed() {
        server.enqueue(Reply.malformed("{\"model\": \"m\", \"choices\": [{\"message\": {\"content\": \"x\"}}]}"));

        assertThatThrownBy(() -> client.complete(HELLO))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("missing field usage");
    }

    @Test
    void toolArgumentsThatAreNotAnObjectAreMalformed() {
        server.enqueue(Reply.malformed("""
                {"model": "m", "usage": {"prompt_tokens": 1, "completion_tokens": 1},
                 "choices": [{"message": {"tool_calls": [{"id": "c", "type": "function",
                   "function": {"name": "f", "arguments": "{\\"id\\": "}}]}}]}"""));

        assertThatThrownBy(() -> client.complete(HELLO))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("choices[0].message.tool_calls[0].function.arguments is not a JSON object");
    }

    @Test
    void aClientErrorIsNotRetryableAndCarriesTheStatus() {
        server.enqueue(Reply.status(400, "{\"error\": {\"message\": \"max_tokens is too large\"}}"));

        assertThatThrownBy(() -> client.complete(HELLO))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("max_tokens is too large");
    }
}
