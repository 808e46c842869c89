package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.gradeAnswer;
import static io.assay.checks.CheckFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.Message;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.TraceStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestOutputsCheck {
    private static final Map<String, Object> OUTPUTS = Map.of("type", "outputs");

    private static RewardResult grade(List<Object> required, AgentOutput output) {
        return gradeAnswer(check(OUTPUTS), task(Map.of("actions", List.of(), "outputs", required)), output);
    }

    private static AgentOutput told(String agentSaid, String userSaid) {
        return new AgentOutput("", List.of(TraceStep.message(new Message(Message.Role.USER, userSaid)),
                TraceStep.message(new Message(Message.Role.AGENT, agentSaid))));
    }

    @Test
    void passesWhenEveryValueWasToldToTheUser() {
        RewardResult result = grade(List.of("1,234.50", "TRK-9"), told("Refund of 1234.50 sent; tracking trk-9.", "hi"));

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).contains("all 2 required values");
    }

    @Test
    void failsNamingWhatWasNeverSaid() {
        RewardResult result = grade(List.of("54.04", "TRK-9"), told("Your tracking id is TRK-9.", "hi"));

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).contains("never told the user (\"54.04\")", "1 of 2");
        assertThat(result.evidence()).containsEntry("missing", List.of("54.04"));
    }

    @Test
    void whatTheUserSaidDoesNotCount() {
        assertThat(grade(List.of("54.04"), told("Done.", "Is my refund 54.04?")).passed()).isFalse();
    }

    @Test
    void theFinalAnswerCountsAsSaid() {
        assertThat(grade(List.of(54.04), AgentOutput.of("The refund is 54.04.")).passed()).isTrue();
    }

    @Test
    void noRequiredOutputsPass() {
        assertThat(grade(List.of(), AgentOutput.of("")).explanation()).contains("requires no outputs");
    }

    @Test
    void anAnswerWithoutOutputsIsTheSuitesMistake() {
        assertThatThrownBy(() -> gradeAnswer(check(OUTPUTS), task("Paris"), AgentOutput.of("Paris")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("task-7")
                .hasMessageContaining("\"outputs\" list");
    }

    @Test
    void tausRuleRemovesTheMessagesCommasButNotTheValues() {
        RewardCheck tau = check(Map.of("type", "outputs", "match", "tau"));
        Task task = task(Map.of("actions", List.of(), "outputs", List.of("1234.50", "Polyester")));

        assertThat(gradeAnswer(tau, task, told("Refund 1,234.50, and the shirt is polyester.", "hi")).passed()).isTrue();
        Task withComma = task(Map.of("actions", List.of(), "outputs", List.of("1,234.50")));
        assertThat(gradeAnswer(tau, withComma, told("Refund 1,234.50.", "hi")).passed())
                .as("tau matches the value as written against the text without commas, so a comma in a value never matches")
                .isFalse();
        assertThat(gradeAnswer(check(OUTPUTS), withComma, told("Refund 1,234.50.", "hi")).passed()).isTrue();
    }

    @Test
    void anUnknownMatchRuleIsAnError() {
        assertThatThrownBy(() -> check(Map.of("type", "outputs", "match", "fuzzy")))
                .hasMessageContaining("match").hasMessageContaining("assay or tau");
    }
}
