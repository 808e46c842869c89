package io.assay.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.assay.kit.Excerpt;
import io.assay.spi.AgentOutput;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes when the answer, parsed as JSON, means the same as the expected value (see
 * {@link JsonComparison}). An answer that is one fenced block (three backticks, optionally tagged
 * {@code json}) is unwrapped first, since models often reply that way.
 *
 * @param subset whether objects in the answer may carry fields the expected ones lack
 */
record JsonCheck(boolean subset) implements RewardCheck {

    // Decimals stay exact; a duplicated key is an error, not a silent "last one wins"; text after
    // the value makes the answer invalid rather than being ignored.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern FENCED = Pattern.compile("(?s)```[ \\t]*(?i:json)?[ \\t]*\\R(.*?)\\R?[ \\t]*```");

    @Override
    public RewardResult check(Task task, AgentOutput output) {
        if (task.answer() == null) {
            throw GroundTruth.error("json", task, "the task has no answer to compare with");
        }
        JsonNode expected = MAPPER.valueToTree(task.answer());
        String text = unfenced(output.answer());
        String got = CheckText.quote(output.answer());

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expected", task.answer());
        evidence.put("got", CheckText.evidence(output.answer()));
        evidence.put("subset", subset);
        JsonNode actual;
        try {
            actual = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            evidence.put("parse_error", e.getOriginalMessage() + location);
            return RewardResult.fail("answer " + got + " is not valid JSON (" + Excerpt.shorten(e.getOriginalMessage(), 80)
                    + location + ")").withEvidence(evidence);
        }
        if (actual == null || actual.isMissingNode()) {
            return RewardResult.fail("answer " + got + " is empty, not JSON").withEvidence(evidence);
        }
        evidence.put("normalized_got", CheckText.evidence(actual.toString()));
        String relation = subset ? "contains" : "equals";
        Optional<JsonComparison.Difference> difference = JsonComparison.firstDifference(expected, actual, subset);
        if (difference.isEmpty()) {
            return RewardResult.pass("answer JSON " + shown(actual) + " " + relation + " expected " + shown(expected))
                    .withEvidence(evidence);
        }
        evidence.put("path", difference.get().path());
        evidence.put("difference", difference.get().problem());
        return RewardResult.fail("answer JSON differs from expected " + shown(expected)
                + (subset ? " (subset)" : "") + " at " + difference.get().path() + ": " + difference.get().problem())
                .withEvidence(evidence);
    }

    // JSON text already shows its own quotes, so it is not quoted again.
    private static String shown(JsonNode node) {
        return Excerpt.shorten(node.toString(), 60);
    }

    private static String unfenced(String answer) {
        Matcher fenced = FENCED.matcher(answer.strip());
        return fenced.matches() ? fenced.group(1) : answer;
    }
}
