package io.assay.trust.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A recorded request read for its texts and its layout, in both wire formats. */
class TestRecordedRequest {

    private static Map<String, Object> openAi(String system, String user, int maxTokens) {
        return Map.of("model", "gpt-4o-mini", "max_tokens", maxTokens, "messages", List.of(
                Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)));
    }

    @Test
    void anOpenAiRequestsTextsAreItsMessageContentsAndItsLayoutIgnoresTextAndSampling() {
        RecordedRequest first = RecordedRequest.of(openAi("Be brief.", "東京?", 64)).orElseThrow();
        RecordedRequest second = RecordedRequest.of(openAi("Be terse.", "1+1?", 4096)).orElseThrow();

        assertThat(first.texts()).containsExactly("Be brief.", "東京?");
        assertThat(first.layout()).isEqualTo(second.layout()).doesNotContain("max_tokens").contains("\"role\":\"system\"");
        assertThat(first.digest()).isNotEqualTo(second.digest()).hasSize(64);
        assertThat(first.sample(30)).isEqualTo(new TokenSample(first.layout(), List.of("Be brief.", "東京?"), 30));
    }

    @Test
    void anAnthropicRequestsTextsAreItsSystemAndTextBlocksAndToolUseStaysInTheLayout() {
        Map<String, Object> request = Map.of("system", "Be brief.", "messages", List.of(
                Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "Order 7?"))),
                Map.of("role", "assistant", "content", List.of(Map.of("type", "tool_use", "id", "t1", "name", "lookup",
                        "input", Map.of("id", "7")))),
                Map.of("role", "user", "content", List.of(Map.of("type", "tool_result", "tool_use_id", "t1",
                        "content", "shipped")))));

        RecordedRequest recorded = RecordedRequest.of(request).orElseThrow();

        assertThat(recorded.texts()).containsExactlyInAnyOrder("Be brief.", "Order 7?", "shipped");
        assertThat(recorded.layout()).contains("\"name\":\"lookup\"", "\"input\":{\"id\":\"7\"}").doesNotContain("shipped");
    }

    @Test
    void aRequestRecordedAsTextOrNotAtAllGivesNothing() {
        assertThat(RecordedRequest.of("not json")).isEmpty();
        assertThat(RecordedRequest.of(null)).isEmpty();
    }
}
