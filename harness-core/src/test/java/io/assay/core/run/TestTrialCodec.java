package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTrialCodec {

    @Test
    void roundTripsEveryField() {
        TrialRecord record = new TrialRecord("suite", "task \"1\"", 2, -42L, Outcome.COMPLETED,
                new AgentOutput("line\nbreak", List.of(new TraceStep("tool_call", Map.of("name", "find", "n", 3)))),
                new RewardResult(0.5, false, "half", Map.of("expected", "x")), null, 2,
                Instant.parse("2026-11-22T10:00:00.123Z"), Duration.ofNanos(1_234_567), Duration.ofNanos(1_000));

        TrialCodec.StoredTrial decoded = TrialCodec.decode(TrialCodec.encode(record, List.of(), Map.of("level", "easy")));

        assertThat(decoded.record()).isEqualTo(record);
        assertThat(decoded.metadata()).isEqualTo(Map.of("level", "easy"));
    }

    @Test
    void harnessErrorsHaveNoScore() {
        TrialRecord record = new TrialRecord("s", "t", 0, 1, Outcome.HARNESS_ERROR, null, null, "boom", 1,
                Instant.EPOCH, Duration.ZERO, Duration.ZERO);
        String line = TrialCodec.encode(record, List.of(), Map.of());
        assertThat(line).contains("\"score\":null").contains("\"outcome\":\"harness_error\"").doesNotContain("\n");
        assertThat(TrialCodec.decode(line).record()).isEqualTo(record);
    }

    @Test
    void readsBackAnAnswerLongerThanJacksonsDefaultStringLimit() {
        String answer = "a".repeat(21_000_000); // Jackson's default stops at 20 million characters
        TrialRecord record = new TrialRecord("s", "t", 0, 1, Outcome.COMPLETED, AgentOutput.of(answer),
                RewardResult.pass("ok"), null, 1, Instant.EPOCH, Duration.ZERO, Duration.ZERO);

        assertThat(TrialCodec.decode(TrialCodec.encode(record, List.of(), Map.of())).record().output().answer()).hasSize(answer.length());
    }

    @Test
    void aLimitIsNamedInTheUsersTermsWithoutJacksonsClassNames() {
        String nested = "{\"task\": " + "[".repeat(1001) + "]".repeat(1001) + "}";

        assertThatThrownBy(() -> TrialCodec.decode(nested))
                .hasMessage("values nested 1001 levels deep, deeper than the 1000 levels Assay reads");
    }

    @Test
    void rejectsLinesThatAreNotTrials() {
        assertThatThrownBy(() -> TrialCodec.decode("{\"task\": 1")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> TrialCodec.decode("{\"task\": \"t\"}")).hasMessageContaining("not a trial record");
    }
}
