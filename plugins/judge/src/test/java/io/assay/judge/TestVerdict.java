package io.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestVerdict {

    @Test
    void readsTheVerdictObjectWithSurroundingWhitespace() {
        Verdict verdict = Verdict.parse("\n  {\"verdict\": \"correct\", \"reason\": \"names Paris\"}  \n");
        assertThat(verdict).isEqualTo(new Verdict(true, "names Paris"));
        assertThat(Verdict.parse("{\"reason\": \"wrong city\", \"verdict\": \"incorrect\"}").correct()).isFalse();
    }

    @Test
    void acceptsOneJsonFence() {
        assertThat(Verdict.parse("```json\n{\"verdict\": \"incorrect\", \"reason\": \"r\"}\n```").correct()).isFalse();
        assertThat(Verdict.parse("  ```\n{\"verdict\": \"correct\", \"reason\": \"r\"}\n```  ").correct()).isTrue();
    }

    @Test
    void rejectsProseAroundTheObject() {
        assertThatThrownBy(() -> Verdict.parse("Sure! {\"verdict\": \"correct\", \"reason\": \"r\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a single JSON object");
        assertThatThrownBy(() -> Verdict.parse("{\"verdict\": \"correct\", \"reason\": \"r\"} Hope this helps."))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a single JSON object");
        assertThatThrownBy(() -> Verdict.parse("Here:\n```json\n{\"verdict\": \"correct\", \"reason\": \"r\"}\n```"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnyOtherVerdictWord() {
        for (String word : new String[] {"\"Correct\"", "\"pass\"", "\"partially correct\"", "true", "1"}) {
            assertThatThrownBy(() -> Verdict.parse("{\"verdict\": " + word + ", \"reason\": \"r\"}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("verdict must be the string \"correct\" or \"incorrect\", got " + word);
        }
    }

    @Test
    void rejectsAMissingReasonExtraFieldsAndRepeatedFields() {
        assertThatThrownBy(() -> Verdict.parse("{\"verdict\": \"correct\"}")).hasMessageContaining("reason must be a string");
        assertThatThrownBy(() -> Verdict.parse("{\"verdict\": \"correct\", \"reason\": \"r\", \"score\": 1}"))
                .hasMessageContaining("unexpected field \"score\"");
        assertThatThrownBy(() -> Verdict.parse("{\"verdict\": \"incorrect\", \"reason\": \"r\", \"verdict\": \"correct\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field");
    }
}
