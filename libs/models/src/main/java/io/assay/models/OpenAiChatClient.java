package io.assay.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.spi.Tool;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI Chat Completions ({@code POST {baseUrl}/chat/completions}), which vLLM, Ollama, llama.cpp
 * server, LiteLLM and OpenRouter also speak. One attempt per call: wrap it in a
 * {@link RetryingClient} (as {@link ModelClients#create} does) for retries.
 */
public final class OpenAiChatClient extends HttpModelClient {

    private final String maxTokensField;

    public OpenAiChatClient(ModelSpec spec, ApiKey key, Duration requestTimeout) {
        super(spec, Provider.OPENAI, "/chat/completions", key, requestTimeout);
        // OpenAI's reasoning models reject max_tokens, and compatible servers do not all know its
        // replacement, so the newer name goes to OpenAI only.
        this.maxTokensField = "api.openai.com".equals(URI.create(spec.baseUrl()).getHost())
                ? "max_completion_tokens" : "max_tokens";
    }

    @Override
    Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + key.secret());
    }

    @Override
    Map<String, Object> requestBody(ModelRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", spec.name());
        body.put("messages", request.messages().stream().map(OpenAiChatClient::message).toList());
        body.put(maxTokensField, request.maxTokens());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (!request.tools().isEmpty()) {
            body.put("tools", request.tools().stream().map(OpenAiChatClient::tool).toList());
        }
        return body;
    }

    private static Map<String, Object> message(ChatMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", message.role().name().toLowerCase(Locale.ROOT));
        switch (message.role()) {
            case ASSISTANT -> {
                // An assistant turn that only calls tools has null content, as the API itself returns it.
                json.put("content", message.text().isEmpty() && !message.toolCalls().isEmpty() ? null : message.text());
                if (!message.toolCalls().isEmpty()) {
                    json.put("tool_calls", message.toolCalls().stream().map(OpenAiChatClient::toolCall).toList());
                }
            }
            case TOOL -> {
                json.put("tool_call_id", message.toolCallId());
                json.put("content", message.text());
            }
            case SYSTEM, USER -> json.put("content", message.text());
        }
        return json;
    }

    private static Map<String, Object> toolCall(ToolCall call) {
        return Map.of("id", call.id(), "type", "function",
                "function", Map.of("name", call.name(), "arguments", ModelJson.write(call.arguments())));
    }

    private static Map<String, Object> tool(Tool tool) {
        return Map.of("type", "function", "function", Map.of(
                "name", tool.name(), "description", tool.description(), "parameters", tool.parameters()));
    }

    @Override
    ModelResponse response(String requestBody, JsonEndpoint.Exchange exchange) {
        ResponseBody json = ResponseBody.parse(endpoint.describe(), exchange.body(), key);
        JsonNode root = json.root();
        JsonNode choice = json.require(root, "", "choices").path(0);
        if (choice.isMissingNode()) {
            throw json.malformed("choices is empty");
        }
        JsonNode message = json.require(choice, "choices[0]", "message");
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        for (int i = 0; i < toolCalls.size(); i++) {
            calls.add(toolCall(json, toolCalls.get(i), "choices[0].message.tool_calls[" + i + "]"));
        }
        JsonNode usage = json.require(root, "", "usage");
        return new ModelResponse(
                ResponseBody.optionalText(message, "content"),
                calls,
                ResponseBody.optionalText(choice, "finish_reason"),
                new Usage(json.requireCount(usage, "usage", "prompt_tokens"),
                        json.requireCount(usage, "usage", "completion_tokens")),
                json.requireText(root, "", "model"),
                ResponseBody.optionalText(root, "system_fingerprint"),
                exchange.latency(), 1, requestBody, key.redact(exchange.body()));
    }

    private static ToolCall toolCall(ResponseBody json, JsonNode call, String path) {
        JsonNode function = json.require(call, path, "function");
        String arguments = json.requireText(function, path + ".function", "arguments");
        JsonNode parsed;
        try {
            parsed = ModelJson.MAPPER.readTree(arguments.isBlank() ? "{}" : arguments);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            throw json.malformed(path + ".function.arguments is not a JSON object: " + ModelJson.excerpt(arguments));
        }
        return new ToolCall(json.requireText(call, path, "id"), json.requireText(function, path + ".function", "name"),
                ModelJson.toMap(parsed));
    }
}
