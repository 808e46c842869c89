package io.assay.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's reply read strictly as one JSON object and nothing else, optionally inside a
 * {@code ```json} fence, with no fields but the expected ones (named in error messages in the order given). Judges reply this way: anything
 * looser (prose around the object, extra fields) is rejected, because guessing at what a judge
 * meant would grade by accident.
 *
 * <pre>{@code
 * JsonNode verdict = StrictJsonReply.object(response.text(), List.of("verdict", "reason"));
 * }</pre>
 */
public final class StrictJsonReply {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern FENCE = Pattern.compile("(?s)```(?:json)?[ \\t]*\\R(.*?)\\R?[ \\t]*```");

    private StrictJsonReply() {
    }

    /**
     * The reply's object; fields may be missing, which the caller checks.
     *
     * @throws IllegalArgumentException saying how the reply breaks the format
     */
    public static JsonNode object(String reply, List<String> fields) {
        String body = reply.strip();
        Matcher fence = FENCE.matcher(body);
        if (fence.matches()) {
            body = fence.group(1).strip();
        }
        if (!body.startsWith("{")) {
            throw new IllegalArgumentException("the reply is not a single JSON object");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the reply is not a single JSON object (" + e.getOriginalMessage() + ")");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new IllegalArgumentException("unexpected field \"" + name + "\"; expected only "
                        + String.join(" and ", fields));
            }
        }
        return node;
    }
}
