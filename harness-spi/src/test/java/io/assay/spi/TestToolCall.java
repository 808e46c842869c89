package io.assay.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestToolCall {
    private static final ToolCall CALL = new ToolCall("cancel_order", Map.of("order_id", "#W1"),
            ToolResult.error("order #W1 is delivered"));

    @Test
    void itsStepHasTheKindAndKeysTrialsRecord() {
        TraceStep step = CALL.step();

        assertThat(step.kind()).isEqualTo("tool_call");
        assertThat(step.data()).containsExactly(Map.entry("name", "cancel_order"),
                Map.entry("arguments", Map.of("order_id", "#W1")), Map.entry("result", "order #W1 is delivered"),
                Map.entry("error", true));
    }

    @Test
    void readsBackWhatItsStepWrites() {
        assertThat(ToolCall.from(CALL.step())).contains(CALL);
        assertThat(ToolCall.from(TraceStep.note("tool_call"))).isEmpty();
    }

    @Test
    void aStepWithoutANameOrArgumentsIsNoCallToReplay() {
        assertThat(ToolCall.from(new TraceStep("tool_call", Map.of("name", "find", "n", 3)))).isEmpty();
        assertThat(ToolCall.from(new TraceStep("tool_call", Map.of("arguments", Map.of())))).isEmpty();
        assertThat(ToolCall.from(new TraceStep("tool_call", Map.of("name", "find", "arguments", Map.of()))))
                .contains(new ToolCall("find", Map.of(), ToolResult.ok("")));
    }
}
