package io.assay.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trial's simulated domain (a shop, an airline, a calendar) that an agent changes through tools
 * while talking to a simulated user. The reward check grades the domain's end state. Agents find
 * it by testing the session they are given; every tool call and message is recorded in the
 * session's {@link EnvironmentSession#transcript() transcript}.
 *
 * <pre>{@code
 * if (input.environment() instanceof ToolEnvironment shop) {
 *     String request = shop.conversation().getFirst().content();
 *     ToolResult order = shop.call("get_order_details", Map.of("order_id", "#W2378156"));
 *     Optional<String> reply = shop.send("Your order is on its way.");
 * }
 * }</pre>
 */
public interface ToolEnvironment {

    /** The tools the agent may call. */
    List<Tool> tools();

    /**
     * The rules the agent must follow in this domain, as the benchmark states them to the agent
     * (tau-bench's {@code policy.md}); empty when the domain has none. Model-backed agents put it
     * in their system prompt.
     */
    default String policy() {
        return "";
    }

    /** Calls a tool; the agent's mistakes come back as {@link ToolResult#error() error} results. */
    ToolResult call(String tool, Map<String, Object> arguments);

    /** The conversation so far, starting with the user's opening message. */
    List<Message> conversation();

    /**
     * Tells the user something and returns the user's reply, or empty once the user has ended the
     * conversation.
     */
    Optional<String> send(String message) throws InterruptedException;

    /** A copy of the domain's current state, JSON-shaped, for grading and audits. */
    Map<String, Object> state();

    /** Replaces the domain's state, for audits that check the grader notices a change. */
    void replaceState(Map<String, Object> state);

    /**
     * The state the task's gold actions produce when replayed on a fresh copy of the starting state.
     *
     * @throws EnvironmentException when a gold action fails, which makes the task unsolvable as written
     */
    Map<String, Object> expectedState();
}
