package io.assay.judge;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.models.StrictJsonReply;
import java.util.List;

/**
 * A judge's verdict, read strictly from its reply ({@link StrictJsonReply}): one JSON object
 * {@code {"verdict": "correct"|"incorrect", "reason": "..."}} and nothing else, optionally inside
 * a {@code ```json} fence. Another verdict word is rejected too, because guessing at what a judge
 * meant would grade by accident.
 *
 * @param correct whether the judge says the answer is correct
 * @param reason the judge's one-sentence reason
 */
record Verdict(boolean correct, String reason) {
    private static final List<String> FIELDS = List.of("verdict", "reason");

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
        JsonNode node = StrictJsonReply.object(reply, FIELDS);
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
