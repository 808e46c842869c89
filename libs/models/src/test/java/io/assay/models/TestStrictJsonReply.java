package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A judge's reply is one JSON object of the expected fields, fenced or not, and nothing looser. */
class TestStrictJsonReply {
    private static final List<String> FIELDS = List.of("verdict", "reason");

    @Test
    void anObjectAloneOrInAFenceIsRead() {
        assertThat(StrictJsonReply.object("{\"verdict\": \"first\"}", FIELDS).get("verdict").asText()).isEqualTo("first");
        assertThat(StrictJsonReply.object("```json\n{\"verdict\": \"tie\", \"reason\": \"same\"}\n```", FIELDS)
                .get("reason").asText()).isEqualTo("same");
    }

    @Test
    void proseExtraFieldsAndTrailingTextAreRefused() {
        assertThatThrownBy(() -> StrictJsonReply.object("I pick {\"verdict\": \"first\"}", FIELDS))
                .hasMessage("the reply is not a single JSON object");
        assertThatThrownBy(() -> StrictJsonReply.object("{\"verdict\": \"first\", \"score\": 3}", FIELDS))
                .hasMessage("unexpected field \"score\"; expected only verdict and reason");
        assertThatThrownBy(() -> StrictJsonReply.object("{\"verdict\": \"first\"} {\"verdict\": \"second\"}", FIELDS))
                .hasMessageStartingWith("the reply is not a single JSON object (");
    }
}
