package io.assay.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge's verdict, read strictly from its reply: one JSON object
 * {@code {"verdict": "correct"|"incorrect", "reason": "..."}} and nothing else, optionally inside
 * a {@code ```json} fence. Anything looser (prose around the object, another verdict word, extra
 * fields) is rejected, because guessing at what a judge meant would grade by accident.
 *
 * @param correct whether the judge says the answer is correct
 * @param reason the judge's one-sentence reason
 */
record Verdict(boolean correct, String reason) {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern FENCE = Pattern.compile("(?s)```(?:json)?[ \\t]*\\R(.*?)\\R?[ \\t]*```");
    private static final Set<String> FIELDS = Set.of("verdict", "reason");

    /** The word the verdict format uses for this verdict. */
    String word() {
        return correct ? "correct" : "incorrect";
    }

    /**
     * Reads a judge's reply.
     *
     * @throws IllegalArgumentException saying how the reply breaks the format
     */
    static Verdict parse(String reply) {
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
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unexpected field \"" + name + "\"; expected only verdict and reason");
            }
        }
        JsonNode verdict = node.get("verdict");
        if (verdict == null || !verdict.isTextual()
                || !(verdict.asText().equals("correct") || verdict.asText().equals("incorrect"))) {
            throw new IllegalArgumentException("verdict must be the string \"correct\" or \"incorrect\", got "
                    + (verdict == null ? "nothing" : verdict.toString()));
        }
        JsonNode reason = node.get("reason");
        if (reason == null || !reason.isTextual()) {
            throw new IllegalArgumentException("reason must be a string, got " + (reason == null ? "nothing" : reason.toString()));
        }
        return new Verdict(verdict.asText().equals("correct"), reason.asText());
    }
}
