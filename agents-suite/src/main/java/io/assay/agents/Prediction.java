package io.assay.agents;

import java.util.List;
import java.util.Map;

/**
 * One scripted trial: the tool calls to make, in order, then the output to give.
 *
 * @param output the final answer; in a tool environment, also said to the user unless empty
 * @param toolCalls calls to make in the trial's tool environment; empty elsewhere
 */
record Prediction(String output, List<Call> toolCalls) {

    /** One scripted tool call. */
    record Call(String name, Map<String, Object> arguments) {
    }
}
