package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestStateMatchCheck {
    private static final Map<String, Object> STATE_MATCH = Map.of("type", "state_match");

    private static Map<String, Object> shop(String status, Object total) {
        return Map.of(
                "orders", Map.of("#W1", Map.of("status", status, "total", total),
                        "#W2", Map.of("status", "delivered", "total", new BigDecimal("5.00"))),
                "users", Map.of("ana", Map.of("city", "Lisbon")));
    }

    private static RewardResult grade(Map<String, Object> spec, Map<String, Object> actual, Map<String, Object> expected)
            throws InterruptedException {
        return check(spec).check(task(Map.of("actions", List.of())), AgentOutput.of(""),
                Optional.of(new FakeToolEnvironment(actual, expected)));
    }

    @Test
    void equalStatesPassWhateverTheKeyOrderAndNumberScale() throws InterruptedException {
        RewardResult result = grade(STATE_MATCH, shop("cancelled", new BigDecimal("12.50")),
                shop("cancelled", new BigDecimal("12.5")));

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).isEqualTo("end state matches the gold actions' state");
    }

    @Test
    void aMismatchNamesTheRecordAndFieldThatDiffer() throws InterruptedException {
        RewardResult result = grade(STATE_MATCH, shop("pending", 12), shop("cancelled", 12));

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).contains("1 record", "orders/#W1",
                "status expected \"cancelled\", got \"pending\"");
        assertThat(result.evidence().get("differences")).asList().hasSize(1);
    }

    @Test
    void missingAndExtraRecordsAreNamed() throws InterruptedException {
        Map<String, Object> expected = Map.of("orders", Map.of("#W1", Map.of("status", "pending")));
        Map<String, Object> actual = Map.of("orders", Map.of("#W9", Map.of("status", "pending")));

        RewardResult result = grade(STATE_MATCH, actual, expected);

        assertThat(result.explanation()).contains("2 records", "orders/#W1: expected, but missing",
                "orders/#W9: not expected, but present");
    }

    @Test
    void ignoredPathsAreLeftOutOfBothStates() throws InterruptedException {
        Map<String, Object> spec = Map.of("type", "state_match", "ignore", List.of("orders.*.status"));

        assertThat(grade(spec, shop("pending", 12), shop("cancelled", 12)).passed()).isTrue();
        assertThat(grade(spec, shop("cancelled", 13), shop("cancelled", 12)).passed()).isFalse();
    }

    @Test
    void combinatorsPassTheSessionToTheStateCheck() throws InterruptedException {
        Map<String, Object> both = Map.of("type", "all", "checks", List.of(STATE_MATCH, Map.of("type", "outputs")));
        Map<String, Object> weighted = Map.of("type", "weighted", "threshold", 0.5,
                "checks", List.of(Map.of("check", STATE_MATCH, "weight", 1), Map.of("check", Map.of("type", "outputs"), "weight", 1)));

        RewardResult all = check(both).check(task(Map.of("actions", List.of(), "outputs", List.of("12"))),
                AgentOutput.of("It is 12."), Optional.of(new FakeToolEnvironment(shop("cancelled", 12), shop("cancelled", 12))));
        RewardResult half = check(weighted).check(task(Map.of("actions", List.of(), "outputs", List.of("12"))),
                AgentOutput.of("It is 12."), Optional.of(new FakeToolEnvironment(shop("pending", 12), shop("cancelled", 12))));

        assertThat(all.passed()).isTrue();
        assertThat(half.score()).isEqualTo(0.5);
    }

    @Test
    void itGradesTheEndStateAndSoDoesACombinatorHoldingIt() {
        Map<String, Object> answersOnly = Map.of("type", "all", "checks", List.of(Map.of("type", "outputs")));
        Map<String, Object> withState = Map.of("type", "any", "checks", List.of(Map.of("type", "outputs"), STATE_MATCH));
        Map<String, Object> weighted = Map.of("type", "weighted",
                "checks", List.of(Map.of("check", STATE_MATCH, "weight", 1)));

        assertThat(check(STATE_MATCH).grades()).isEqualTo(RewardCheck.Grades.END_STATE);
        assertThat(check(withState).grades()).isEqualTo(RewardCheck.Grades.END_STATE);
        assertThat(check(weighted).grades()).isEqualTo(RewardCheck.Grades.END_STATE);
        assertThat(check(answersOnly).grades()).isEqualTo(RewardCheck.Grades.ANSWER);
    }

    @Test
    void gradingWithoutTheEnvironmentIsTheCallersMistake() {
        assertThatThrownBy(() -> check(STATE_MATCH).check(task(Map.of()), AgentOutput.of("done"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("task-7")
                .hasMessageContaining("graded without one");
    }

    @Test
    void aSessionWithoutToolsIsTheSuitesMistake() {
        assertThatThrownBy(() -> check(STATE_MATCH).check(task(Map.of()), AgentOutput.of(""), Optional.of(() -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("task-7")
                .hasMessageContaining("tool domain");
    }

    @Test
    void badIgnorePathsAreRejectedWithTheirField() {
        assertThatThrownBy(() -> check(Map.of("type", "state_match", "ignore", List.of("orders..status"))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("reward.ignore");
    }
}
