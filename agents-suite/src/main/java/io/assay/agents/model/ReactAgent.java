package io.assay.agents.model;

import io.assay.models.ChatMessage;
import io.assay.models.ModelResponse;
import io.assay.models.ToolCall;
import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.Message;
import io.assay.spi.Sandbox;
import io.assay.spi.Task;
import io.assay.spi.Tool;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolResult;
import io.assay.spi.TraceStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tool-calling loop: the model calls tools and sees their results until it is done or a
 * {@link ReactLimits limit} stops it. In a {@link ToolEnvironment} it uses the domain's tools,
 * follows the domain's policy (in its system prompt) and talks to the user; in a {@link Sandbox} it
 * runs shell commands; elsewhere it answers once, like {@link ChatAgent}.
 */
final class ReactAgent implements Agent {

    static final String TOOLS_SYSTEM = "You act for a user through the tools you are given. Call tools to look"
            + " things up and to make changes; each tool's result, or its error, comes back to you. A reply with"
            + " text and no tool call is sent to the user, who may answer. Make only the changes the user asks for.";
    static final String SANDBOX_SYSTEM = "You work in a Linux sandbox through the " + BashTool.NAME + " tool, which"
            + " runs a shell command in %s and returns its exit code and output. Do the task by running commands."
            + " When it is done, reply with a short summary and no tool call; that ends your work.";

    private final RecordingModel model;
    private final String system;
    private final ReactLimits limits;
    private final ChatAgent singleTurn;

    /** @param system replaces every mode's default system prompt, policy included; {@code null} keeps the defaults */
    ReactAgent(RecordingModel model, String system, ReactLimits limits) {
        this.model = model;
        this.system = system;
        this.limits = limits;
        this.singleTurn = new ChatAgent(model, system);
    }

    @Override
    public AgentOutput act(AgentInput input) throws InterruptedException {
        return switch (input.environment()) {
            case ToolEnvironment tools -> converse(tools);
            case Sandbox sandbox -> work(sandbox, input.task());
            default -> singleTurn.act(input);
        };
    }

    /** Answer: the last text said to the user. */
    private AgentOutput converse(ToolEnvironment environment) throws InterruptedException {
        List<ChatMessage> opening = new ArrayList<>(systemMessage(PolicyPrompt.of(TOOLS_SYSTEM, environment.policy())));
        for (Message message : environment.conversation()) {
            opening.add(message.role() == Message.Role.USER ? ChatMessage.user(message.content())
                    : ChatMessage.assistant(message.content()));
        }
        ReactTrial trial = new ReactTrial(model, limits, opening);
        List<Tool> tools = environment.tools();
        String said = "";
        for (Optional<ModelResponse> reply = trial.next(tools); reply.isPresent(); reply = trial.next(tools)) {
            ModelResponse response = reply.get();
            if (!response.toolCalls().isEmpty()) {
                for (ToolCall call : response.toolCalls()) {
                    ToolResult result = environment.call(call.name(), call.arguments());
                    trial.add(ChatMessage.toolResult(call.id(),
                            result.error() ? "error: " + result.content() : result.content()));
                }
            } else if (response.text().isBlank()) {
                trial.record(TraceStep.note("stopped: the model replied with neither text nor a tool call"));
                break;
            } else {
                said = response.text();
                Optional<String> answer = environment.send(said);
                if (answer.isEmpty()) {
                    break;
                }
                trial.add(ChatMessage.user(answer.get()));
            }
        }
        return new AgentOutput(said, trial.trace());
    }

    /** Answer: the model's last text, normally the summary it ends with. */
    private AgentOutput work(Sandbox sandbox, Task task) throws InterruptedException {
        List<ChatMessage> opening = new ArrayList<>(systemMessage(SANDBOX_SYSTEM.formatted(sandbox.workingDirectory())));
        opening.add(ChatMessage.user(task.prompt()));
        ReactTrial trial = new ReactTrial(model, limits, opening);
        List<Tool> tools = List.of(BashTool.SPEC);
        String written = "";
        for (Optional<ModelResponse> reply = trial.next(tools); reply.isPresent(); reply = trial.next(tools)) {
            ModelResponse response = reply.get();
            if (!response.text().isBlank()) {
                written = response.text();
            }
            if (response.toolCalls().isEmpty()) {
                break;
            }
            for (ToolCall call : response.toolCalls()) {
                Duration left = trial.timeLeft();
                if (!left.isPositive()) {
                    break; // the next turn records that max_seconds ended the trial
                }
                ToolResult result = BashTool.run(sandbox, call, left);
                trial.record(new io.assay.spi.ToolCall(call.name(), call.arguments(), result).step());
                trial.add(ChatMessage.toolResult(call.id(), result.content()));
            }
        }
        return new AgentOutput(written, trial.trace());
    }

    private List<ChatMessage> systemMessage(String fallback) {
        String text = system == null ? fallback : system;
        return text.isEmpty() ? List.of() : List.of(ChatMessage.system(text));
    }
}
