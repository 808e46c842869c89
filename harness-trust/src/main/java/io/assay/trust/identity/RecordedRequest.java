package io.assay.trust.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request body a run recorded (a {@code model_call} step's {@code request}), read for what its
 * token count can show: the message texts a tokenizer counts, and the layout left when they are
 * blanked out (roles, tools, tool calls), which fixes the chat template's overhead. Works for both
 * wire formats: OpenAI's {@code messages[].content} and Anthropic's {@code system} and content blocks.
 *
 * <pre>{@code
 * RecordedRequest.of(call.request()).map(request -> request.sample(call.inputTokens()));
 * }</pre>
 *
 * @param layout the request as JSON with every text blanked and the sampling settings dropped
 * @param texts the texts, in order
 * @param digest SHA-256 of the whole request as recorded: equal requests of two runs share it
 */
record RecordedRequest(String layout, List<String> texts, String digest) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields holding what the model reads as text. */
    private static final Set<String> TEXT_FIELDS = Set.of("content", "text", "system");
    /** Top-level settings that change no input token. */
    private static final Set<String> SAMPLING = Set.of("max_tokens", "max_completion_tokens", "temperature", "top_p",
            "stream", "seed");

    /** The request {@code recorded}, or empty when the call recorded none or not as a JSON object. */
    static Optional<RecordedRequest> of(Object recorded) {
        if (!(recorded instanceof Map<?, ?> body)) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        Map<String, Object> blanked = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            if (!SAMPLING.contains(String.valueOf(key))) {
                blanked.put(String.valueOf(key), blank(String.valueOf(key), value, texts));
            }
        });
        return Optional.of(new RecordedRequest(write(blanked), texts, sha256(write(body))));
    }

    /** What this request and the input tokens reported for it say about the tokenizer. */
    TokenSample sample(long reported) {
        return new TokenSample(layout, texts, reported);
    }

    private static Object blank(String key, Object value, List<String> texts) {
        if (value instanceof String text && TEXT_FIELDS.contains(key)) {
            texts.add(text);
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((name, child) -> copy.put(String.valueOf(name), blank(String.valueOf(name), child, texts)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> blank(key, item, texts)).toList();
        }
        return value;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded request is plain JSON values", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
