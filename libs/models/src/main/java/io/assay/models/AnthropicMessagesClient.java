package io.assay.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.spi.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Anthropic Messages API ({@code POST {baseUrl}/v1/messages}). System messages become the
 * top-level {@code system} prompt; tool calls and results travel as {@code tool_use} and
 * {@code tool_result} content blocks. One attempt per call: wrap it in a {@link RetryingClient}
 * (as {@link ModelClients#create} does) for retries.
 */
public final class AnthropicMessagesClient extends HttpModelClient {

    static final String API_VERSION = "2023-06-01";

    public AnthropicMessagesClient(ModelSpec spec, ApiKey key, Duration requestTimeout) {
        super(spec, Provider.ANTHROPIC, "/v1/messages", key, requestTimeout);
    }

    @Override
    Map<String, String> headers() {
        return Map.of("x-api-key", key.secret(), "anthropic-version", API_VERSION);
    }

    @Override
    Map<String, Object> requestBody(ModelRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", spec.name());
        body.put("max_tokens", request.maxTokens());
        List<String> system = request.messages().stream()
                .filter(m -> m.role() == ChatMessage.Role.SYSTEM).map(ChatMessage::text).toList();
        if (!system.isEmpty()) {
            body.put("system", String.join("\n\n", system));
        }
        body.put("messages", turns(request.messages()));
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (!request.tools().isEmpty()) {
            body.put("tools", request.tools().stream().map(AnthropicMessagesClient::tool).toList());
        }
        return body;
    }

    /**
     * The conversation as alternating user and assistant turns. Tool results are user content, and
     * every result answering one assistant turn must sit in the single user turn that follows it, so
     * consecutive user-side messages merge into one turn.
     */
    private static List<Map<String, Object>> turns(List<ChatMessage> messages) {
        List<Map<String, Object>> turns = new ArrayList<>();
        String lastRole = null;
        List<Map<String, Object>> blocks = null;
        for (ChatMessage message : messages) {
            if (message.role() == ChatMessage.Role.SYSTEM) {
                continue;
            }
            String role = message.role() == ChatMessage.Role.ASSISTANT ? "assistant" : "user";
            if (!role.equals(lastRole)) {
                blocks = new ArrayList<>();
                turns.add(Map.of("role", role, "content", blocks));
                lastRole = role;
            }
            blocks.addAll(blocks(message));
        }
        return turns;
    }

    private static List<Map<String, Object>> blocks(ChatMessage message) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (message.role() == ChatMessage.Role.TOOL) {
            blocks.add(Map.of("type", "tool_result", "tool_use_id", message.toolCallId(), "content", message.text()));
            return blocks;
        }
        // The API rejects empty text blocks; an assistant turn may be tool calls alone.
        if (!message.text().isEmpty()) {
            blocks.add(Map.of("type", "text", "text", message.text()));
        }
        for (ToolCall call : message.toolCalls()) {
            blocks.add(Map.of("type", "tool_use", "id", call.id(), "name", call.name(), "input", call.arguments()));
        }
        return blocks;
    }

    private static Map<String, Object> tool(Tool tool) {
        return Map.of("name", tool.name(), "description", tool.description(), "input_schema", tool.parameters());
    }

    @Override
    ModelResponse response(String requestBody, JsonEndpoint.Exchange exchange) {
        ResponseBody json = ResponseBody.parse(endpoint.describe(), exchange.body(), key);
        JsonNode root = json.root();
        JsonNode content = json.require(root, "", "content");
        if (!content.isArray()) {
            throw json.malformed("field content is not a list of blocks");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            String path = "content[" + i + "]";
            switch (json.requireText(block, path, "type")) {
                case "text" -> text.append(json.requireText(block, path, "text"));
                case "tool_use" -> {
                    JsonNode input = json.require(block, path, "input");
                    if (!input.isObject()) {
                        throw json.malformed(path + ".input is not a JSON object");
                    }
                    calls.add(new ToolCall(json.requireText(block, path, "id"), json.requireText(block, path, "name"),
                            ModelJson.toMap(input)));
                }
                default -> {
                    // Thinking and other block kinds carry nothing the conversation types hold.
                }
            }
        }
        JsonNode usage = json.require(root, "", "usage");
        return new ModelResponse(text.toString(), calls, ResponseBody.optionalText(root, "stop_reason"),
                new Usage(json.requireCount(usage, "usage", "input_tokens"),
                        json.requireCount(usage, "usage", "output_tokens")),
                json.requireText(root, "", "model"), null,
                exchange.latency(), 1, requestBody, key.redact(exchange.body()));
    }
}
