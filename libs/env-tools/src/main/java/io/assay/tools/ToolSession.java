package io.assay.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Message;
import io.assay.spi.Options;
import io.assay.spi.ReferenceSolution;
import io.assay.spi.Task;
import io.assay.spi.Tool;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolCall;
import io.assay.spi.ToolResult;
import io.assay.spi.TraceStep;
import io.assay.spi.UserSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trial in a tool domain: a private copy of the domain's state, the conversation with the
 * simulated user, and the transcript of every call and message (and of the user's model calls).
 * Thread-safe, so an audit or a timed-out agent can read it while the agent still acts.
 */
final class ToolSession implements EnvironmentSession, ToolEnvironment, ReferenceSolution {
    private final Domain domain;
    private final Map<String, DomainTool> tools;
    private final Task task;
    private final UserSimulator user;
    private final List<Message> conversation = new ArrayList<>();
    private final List<TraceStep> transcript = new ArrayList<>();
    private ObjectNode state;
    private boolean ended;
    private Map<String, Object> expected;

    ToolSession(Domain domain, Map<String, DomainTool> tools, Task task, UserSide users)
            throws InterruptedException {
        this.domain = domain;
        this.tools = tools;
        this.task = task;
        this.user = users.forTrial(this::recordStep);
        this.state = domain.initialState();
        String opening = user.reply(task, List.of())
                .orElseThrow(() -> new EnvironmentException("task '" + task.id() + "': the user said nothing to start"));
        record(new Message(Message.Role.USER, opening));
    }

    @Override
    public List<Tool> tools() {
        return tools.values().stream().map(DomainTool::spec).toList();
    }

    @Override
    public synchronized ToolResult call(String name, Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : new LinkedHashMap<>(arguments);
        ToolResult result = apply(state, name, given);
        transcript.add(new ToolCall(name, given, result).step());
        return result;
    }

    @Override
    public String policy() {
        return domain.policy();
    }

    @Override
    public synchronized List<Message> conversation() {
        return List.copyOf(conversation);
    }

    /**
     * Waits for the user's reply without holding the session, since a model user may take seconds:
     * meanwhile a timed-out trial's transcript can still be read.
     */
    @Override
    public Optional<String> send(String message) throws InterruptedException {
        List<Message> heard;
        synchronized (this) {
            if (ended) {
                return Optional.empty();
            }
            record(new Message(Message.Role.AGENT, message));
            heard = List.copyOf(conversation);
        }
        Optional<String> reply = user.reply(task, heard);
        synchronized (this) {
            reply.ifPresentOrElse(text -> record(new Message(Message.Role.USER, text)), () -> ended = true);
        }
        return reply;
    }

    @Override
    public synchronized Map<String, Object> state() {
        return StateJson.toMap(state);
    }

    @Override
    public synchronized void replaceState(Map<String, Object> replacement) {
        state = StateJson.toTree(replacement);
    }

    /**
     * Replays the gold actions on a fresh copy once. A failing action makes the task unsolvable as
     * written, unless the domain skips such actions as its benchmark's evaluator does
     * ({@link Domain#skipsFailingGoldActions()}); a refused call changed nothing either way.
     */
    @Override
    public synchronized Map<String, Object> expectedState() {
        if (expected == null) {
            ObjectNode fresh = domain.initialState();
            List<GoldAction> actions = GoldActions.of(task).actions();
            for (int i = 0; i < actions.size(); i++) {
                ToolResult result = apply(fresh, actions.get(i).name(), actions.get(i).arguments());
                if (result.error() && !domain.skipsFailingGoldActions()) {
                    throw new EnvironmentException("task '" + task.id() + "': gold action " + (i + 1) + " of "
                            + actions.size() + " (" + actions.get(i) + ") failed when replayed: " + result.content());
                }
            }
            expected = StateJson.toMap(fresh);
        }
        return expected;
    }

    /** The oracle: calls the gold actions in this session, then tells the user the required outputs. */
    @Override
    public AgentOutput solve() throws InterruptedException {
        GoldActions gold = GoldActions.of(task);
        for (GoldAction action : gold.actions()) {
            call(action.name(), action.arguments());
        }
        String answer = String.join("\n", gold.outputs());
        if (!answer.isEmpty()) {
            send(answer);
        }
        return AgentOutput.of(answer);
    }

    @Override
    public synchronized List<TraceStep> transcript() {
        return List.copyOf(transcript);
    }

    @Override
    public void close() {
    }

    private synchronized void record(Message message) {
        conversation.add(message);
        transcript.add(TraceStep.message(message));
    }

    /** What the user records besides its messages: a model user's calls, how it ended the conversation. */
    private synchronized void recordStep(TraceStep step) {
        transcript.add(step);
    }

    /**
     * Runs one call on {@code target}. The agent's mistakes become error results; a writing tool
     * that fails is rolled back, so a half-applied rule violation can never count.
     */
    private ToolResult apply(ObjectNode target, String name, Map<String, Object> arguments) {
        DomainTool tool = tools.get(name);
        if (tool == null) {
            return ToolResult.error("unknown tool '" + name + "'; available tools: " + String.join(", ", tools.keySet()));
        }
        Optional<String> invalid = ArgumentCheck.problems(tool.spec(), arguments);
        if (invalid.isPresent()) {
            return ToolResult.error(invalid.get());
        }
        ObjectNode before = tool.spec().readOnly() ? null : SharedState.copy(target);
        try {
            JsonNode result = tool.call(target, Options.of(arguments));
            return ToolResult.ok(StateJson.observation(result));
        } catch (ToolException | InvalidOptionException e) {
            if (before != null) {
                target.removeAll();
                target.setAll(before);
            }
            return ToolResult.error(e.getMessage());
        } catch (RuntimeException e) {
            throw new EnvironmentException("tool " + name + " failed on " + arguments + " in task '" + task.id()
                    + "' (a bug in the domain, not the agent's mistake): " + e, e);
        }
    }
}
