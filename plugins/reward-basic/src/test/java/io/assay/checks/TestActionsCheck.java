package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.ToolCall;
import io.assay.spi.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestActionsCheck {
    private static final RewardCheck ACTIONS = check(Map.of("type", "actions"));
    private static final Map<String, Object> CANCEL = Map.of("name", "cancel_reservation",
            "arguments", Map.of("reservation_id", "EHGLP3", "reason", "change of plan"));

    private static RewardResult grade(List<Object> gold, ToolCall... made) throws InterruptedException {
        EnvironmentSession session = new EnvironmentSession() {
            @Override
            public List<io.assay.spi.TraceStep> transcript() {
                return List.of(made).stream().map(ToolCall::step).toList();
            }

            @Override
            public void close() {
            }
        };
        return ACTIONS.check(task(Map.of("actions", gold)), AgentOutput.of(""), Optional.of(session));
    }

    private static ToolCall call(String name, Map<String, Object> arguments) {
        return new ToolCall(name, arguments, ToolResult.ok("{}"));
    }

    @Test
    void passesWhenEveryGoldCallWasMadeAmongOthers() throws InterruptedException {
        RewardResult result = grade(List.of(CANCEL), call("get_user_details", Map.of("user_id", "emma_kim_9957")),
                call("cancel_reservation", Map.of("reason", "change of plan", "reservation_id", "EHGLP3")));

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).contains("all 1 gold calls");
    }

    @Test
    void anArgumentThatDiffersIsAMissingCall() throws InterruptedException {
        RewardResult result = grade(List.of(CANCEL), call("cancel_reservation",
                Map.of("reservation_id", "EHGLP3", "reason", "other")));

        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).contains("cancel_reservation", "1 of 1 gold calls missing");
    }

    @Test
    void compareArgsLimitsTheArgumentsCompared() throws InterruptedException {
        Map<String, Object> gold = Map.of("name", "cancel_reservation", "compare_args", List.of("reservation_id"),
                "arguments", Map.of("reservation_id", "EHGLP3", "reason", "change of plan"));

        assertThat(grade(List.of(gold), call("cancel_reservation", Map.of("reservation_id", "EHGLP3", "reason", "x")))
                .passed()).isTrue();
    }

    @Test
    void numbersCompareByValue() throws InterruptedException {
        Map<String, Object> gold = Map.of("name", "update_reservation_baggages",
                "arguments", Map.of("total_baggages", 2, "nonfree_baggages", 0));

        assertThat(grade(List.of(gold), call("update_reservation_baggages",
                Map.of("total_baggages", 2.0, "nonfree_baggages", 0L))).passed()).isTrue();
    }

    @Test
    void withoutAnEnvironmentItIsTheSuitesMistake() {
        assertThatThrownBy(() -> ACTIONS.check(task(Map.of("actions", List.of(CANCEL))), AgentOutput.of(""), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("task-7");
    }
}
