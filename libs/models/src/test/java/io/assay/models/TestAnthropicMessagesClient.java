package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.testkit.model.FakeAnthropicServer;
import io.assay.testkit.model.RecordedRequest;
import io.assay.testkit.model.Reply;
import io.assay.spi.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestAnthropicMessagesClient {

    private static final Tool FIND_ORDER = new Tool("find_order", "Finds an order.",
            Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string"))), true);

    private static final ModelRequest HELLO = new ModelRequest(List.of(ChatMessage.user("hi")), List.of(), 16, null);

    private final FakeAnthropicServer server = new FakeAnthropicServer();
    private final AnthropicMessagesClient client = new AnthropicMessagesClient(
            ModelSpec.parse("anthropic/claude-sonnet-4-5").withBaseUrl(server.baseUrl()),
            ApiKey.of("ANTHROPIC_API_KEY", "sk-ant-test"), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsSystemTopLevelAndToolUseAndResultBlocks() throws Exception {
        List<ChatMessage> messages = List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Where are orders 7 and 8?"),
                ChatMessage.assistant("Looking.", List.of(
                        new ToolCall("toolu_1", "find_order", Map.of("id", "7")),
                        new ToolCall("toolu_2", "find_order", Map.of("id", "8")))),
                ChatMessage.toolResult("toolu_1", "shipped"),
                ChatMessage.toolResult("toolu_2", "pending"));

        client.complete(new ModelRequest(messages, List.of(FIND_ORDER), 512, 0.0));

        RecordedRequest request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
        assertThat(body.get("system").asText()).isEqualTo("Be brief.");
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("Where are orders 7 and 8?");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/messages/1/content/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/messages/1/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(body.at("/messages/1/content/1/id").asText()).isEqualTo("toolu_1");
        assertThat(body.at("/messages/1/content/1/input/id").asText()).isEqualTo("7");
        // Both results answer one assistant turn, so they share the next user turn.
        assertThat(body.at("/messages/2/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(body.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo("toolu_1");
        assertThat(body.at("/messages/2/content/1/tool_use_id").asText()).isEqualTo("toolu_2");
        assertThat(body.at("/messages/2/content/1/content").asText()).isEqualTo("pending");
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("find_order");
        assertThat(body.at("/tools/0/input_schema/properties/id/type").asText()).isEqualTo("string");
    }

    @Test
    void readsTextAndToolUseBlocks() throws Exception {
        server.enqueue(new Reply.Answer("Checking.", List.of(new Reply.ToolCall("toolu_5", "find_order", Map.of("id", "7"))),
                "claude-sonnet-4-5-20250929", null, 40, 9));

        ModelResponse response = client.complete(new ModelRequest(List.of(ChatMessage.user("Order 7?")), List.of(FIND_ORDER), 64, null));

        assertThat(response.text()).isEqualTo("Checking.");
        assertThat(response.toolCalls()).containsExactly(new ToolCall("toolu_5", "find_order", Map.of("id", "7")));
        assertThat(response.stopReason()).isEqualTo("tool_use");
        assertThat(response.usage()).isEqualTo(new Usage(40, 9));
        assertThat(response.servedModel()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(response.fingerprint()).isNull();
        assertThat(response.rawRequest()).isEqualTo(server.requests().getFirst().body());
        assertThat(response.rawResponse()).contains("\"msg_fake_1\"");
    }

    @Test
    void aResponseWithoutUsageIsMalformed() {
        server.enqueue(Reply.malformed("{\"model\": \"m\", \"content\": [{\"type\": \"text\", \"text\": \"x\"}]}"));

        assertThatThrownBy(() -> client.complete(HELLO))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("missing field usage")
                .hasMessageContaining("{\"model\": \"m\"");
    }
}
