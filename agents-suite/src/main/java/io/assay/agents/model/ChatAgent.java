package io.assay.agents.model;

import io.assay.models.ChatMessage;
import io.assay.models.ModelResponse;
import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.TraceStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the model the task's prompt once; the answer is its final {@code ANSWER:} line. In a tool
 * environment it answers the user's opening message, under a system prompt that carries the
 * domain's policy.
 *
 * @param model the shared model
 * @param system the system prompt, or {@code null} for the default (with a tool environment's
 *     policy); empty sends none
 */
record ChatAgent(RecordingModel model, String system) implements Agent {

    /** States the answer format to the model (ABC O.h.1), so the answer can be read off its reply. */
    static final String DEFAULT_SYSTEM = "Answer the user's request. Reason briefly if that helps, then end your"
            + " reply with a final line of the form\n" + FinalAnswer.MARKER + " <your answer>\nwith nothing after it.";

    @Override
    public AgentOutput act(AgentInput input) throws InterruptedException {
        String instructions = system == null ? DEFAULT_SYSTEM : system;
        String request = input.task().prompt();
        if (input.environment() instanceof ToolEnvironment tools) {
            instructions = system == null ? PolicyPrompt.of(DEFAULT_SYSTEM, tools.policy()) : system;
            request = tools.conversation().getFirst().content();
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (!instructions.isEmpty()) {
            messages.add(ChatMessage.system(instructions));
        }
        messages.add(ChatMessage.user(request));
        List<TraceStep> trace = new ArrayList<>();
        ModelResponse response = model.call(messages, List.of(), trace);
        return new AgentOutput(FinalAnswer.of(response.text()), trace);
    }
}
