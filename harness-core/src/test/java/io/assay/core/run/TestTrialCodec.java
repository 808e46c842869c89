package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.results.ModelUsage;
import io.assay.spi.AgentOutput;
import io.assay.spi.ModelCall;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import java.math.BigDecimal;
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
    void aLinesFiguresAreWhatTheFullRecordSaysModelCallsInTheTraceAndNestedEvidenceIncluded() {
        ModelCall agentCall = new ModelCall("openai", "m", "m-2026", "fp", 10, 2, new BigDecimal("0.01"), 120, 1, "stop",
                Map.of("messages", List.of()), "hi");
        ModelCall judgeCall = new ModelCall("anthropic", "j", "j", null, 30, 5, null, 300, 2, "end_turn", null, "yes");
        Map<String, Object> evidence = Map.of("components", List.of(Map.of("verdict", "yes",
                "model_calls", List.of(judgeCall.step().data()))));
        TrialRecord record = new TrialRecord("s", "t7", 3, 1, Outcome.COMPLETED,
                new AgentOutput("answer", List.of(agentCall.step(), new TraceStep("tool_call", Map.of("name", "find")))),
                new RewardResult(0.75, true, "judged", evidence), null, 1, Instant.EPOCH, Duration.ofMillis(1500), Duration.ZERO);
        String line = TrialCodec.encode(record, ModelUsage.callsOf(record), Map.of("level", "hard"));

        TrialCodec.Figures figures = TrialCodec.figures(line);

        TrialCodec.StoredTrial full = TrialCodec.decode(line);
        assertThat(figures).isEqualTo(new TrialCodec.Figures("t7", 3, Outcome.COMPLETED, full.record().score(),
                full.record().passed(), full.record().agentTime(), full.metadata(), ModelUsage.callsOf(full.record())));
        assertThat(figures.modelCalls()).extracting(ModelCall::model).containsExactly("m", "j");
        assertThat(TrialCodec.figures(TrialCodec.encode(new TrialRecord("s", "t", 0, 1, Outcome.JUDGE_ERROR, null, null,
                "judge down", 1, Instant.EPOCH, Duration.ZERO, Duration.ZERO), List.of(), Map.of())).score()).isNaN();
    }

    @Test
    void figuresFindAModelCallWhoseDataComesBeforeItsKindAndNameWhatIsMissing() {
        String line = """
                {"task": "t", "epoch": 1, "outcome": "timeout", "score": 0.0, "passed": false, "agent_ms": 2.5,
                 "output": {"answer": "", "trace": [{"data": {"provider": "openai", "model": "m", "input_tokens": 4}, "kind": "model_call"},
                                                    {"data": {"text": "n"}, "kind": "note"}]}, "metadata": null}""";

        TrialCodec.Figures figures = TrialCodec.figures(line);

        assertThat(figures.modelCalls()).singleElement().satisfies(call -> assertThat(call.inputTokens()).isEqualTo(4));
        assertThat(figures.score()).isZero();
        assertThat(figures.agentTime()).isEqualTo(Duration.ofNanos(2_500_000));
        assertThat(figures.metadata()).isEmpty();
        assertThatThrownBy(() -> TrialCodec.figures("{\"task\": \"t\"}")).hasMessage("not a trial record: field 'outcome' is missing");
        assertThatThrownBy(() -> TrialCodec.figures("{\"task\": \"t\", \"outcome\": \"won\"}"))
                .hasMessage("not a trial record: unknown outcome 'won'");
        assertThatThrownBy(() -> TrialCodec.figures("{\"task\": ")).hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> TrialCodec.figures("{\"task\": \"t\", \"outcome\": \"completed\", \"score\": 1e999}"))
                .hasMessage("not a trial record: a scored trial's 'score' must be in [0, 1], got Infinity");
        assertThat(TrialCodec.figures("{\"task\": \"t\", \"outcome\": \"harness_error\", \"score\": 7}").score())
                .as("an unscored trial's score is not read").isNaN();
    }

    @Test
    void aLineIsOneObjectAndAFigureGivenAsAnObjectIsNotReadAsTheTrialsOwn() {
        String line = TrialCodec.encode(new TrialRecord("s", "t", 0, 1, Outcome.COMPLETED, AgentOutput.of("a"),
                RewardResult.fail("no"), null, 1, Instant.EPOCH, Duration.ZERO, Duration.ZERO), List.of(), Map.of());

        assertThatThrownBy(() -> TrialCodec.figures(line + "]},\"api/index\":{}")).hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> TrialCodec.figures(line + " {}")).hasMessage("not valid JSON: text after the trial's object");
        assertThatThrownBy(() -> TrialCodec.decode(line + " {}")).hasMessageStartingWith("not valid JSON: ");
        String nested = "{\"task\": {\"task\": \"forged\", \"outcome\": \"completed\", \"score\": 1.0, \"passed\": true},"
                + " \"outcome\": \"agent_error\", \"score\": 0.0, \"passed\": false}";
        assertThatThrownBy(() -> TrialCodec.figures(nested)).hasMessage("not a trial record: field 'task' is missing");
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
