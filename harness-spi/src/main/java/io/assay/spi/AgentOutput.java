package io.assay.spi;

import java.util.List;

/**
 * What an agent produced: its final answer and the actions that led there.
 *
 * <pre>{@code
 * return new AgentOutput("42", List.of(TraceStep.note("added the two numbers")));
 * }</pre>
 *
 * @param answer the final answer the reward check grades; never {@code null}
 * @param trace the recorded actions, in order
 */
public record AgentOutput(String answer, List<TraceStep> trace) {

    public AgentOutput {
        answer = answer == null ? "" : answer;
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    /** An answer with no trace. */
    public static AgentOutput of(String answer) {
        return new AgentOutput(answer, List.of());
    }
}
