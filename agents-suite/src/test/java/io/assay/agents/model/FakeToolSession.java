package io.assay.agents.model;

import io.assay.spi.EnvironmentSession;
import io.assay.spi.Message;
import io.assay.spi.Tool;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A two-tool domain for agent tests: {@code lookup} answers, {@code fail} always errs. The user
 * opens with one message and answers the agent's messages from a script, ending when it runs out.
 * No policy unless {@link #withPolicy} gives one.
 */
final class FakeToolSession implements EnvironmentSession, ToolEnvironment {

    static final Tool LOOKUP = new Tool("lookup", "Looks an order up.",
            Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string"))), true);
    static final Tool FAIL = new Tool("fail", "Always fails.", Map.of("type", "object"), false);

    /** One call the agent made. */
    record Call(String name, Map<String, Object> arguments) {
    }

    private final List<Message> conversation = new ArrayList<>();
    private final Deque<String> userTurns;
    final List<Call> calls = new ArrayList<>();
    final List<String> sent = new ArrayList<>();

    private String policy = "";

    FakeToolSession(String opening, String... userTurns) {
        conversation.add(new Message(Message.Role.USER, opening));
        this.userTurns = new ArrayDeque<>(List.of(userTurns));
    }

    /** This session with the domain's rules, as a benchmark's policy states them. */
    FakeToolSession withPolicy(String text) {
        policy = text;
        return this;
    }

    @Override
    public String policy() {
        return policy;
    }

    @Override
    public List<Tool> tools() {
        return List.of(LOOKUP, FAIL);
    }

    @Override
    public ToolResult call(String tool, Map<String, Object> arguments) {
        calls.add(new Call(tool, arguments));
        return switch (tool) {
            case "lookup" -> ToolResult.ok("{\"id\": \"" + arguments.get("id") + "\", \"status\": \"shipped\"}");
            case "fail" -> ToolResult.error("the order is delivered; only pending orders can be cancelled");
            default -> ToolResult.error("unknown tool " + tool);
        };
    }

    @Override
    public List<Message> conversation() {
        return List.copyOf(conversation);
    }

    @Override
    public Optional<String> send(String message) {
        sent.add(message);
        conversation.add(new Message(Message.Role.AGENT, message));
        String reply = userTurns.poll();
        if (reply != null) {
            conversation.add(new Message(Message.Role.USER, reply));
        }
        return Optional.ofNullable(reply);
    }

    @Override
    public Map<String, Object> state() {
        return Map.of();
    }

    @Override
    public void replaceState(Map<String, Object> state) {
        throw new UnsupportedOperationException("not used by agents");
    }

    @Override
    public Map<String, Object> expectedState() {
        throw new UnsupportedOperationException("not used by agents");
    }

    @Override
    public void close() {
    }
}
