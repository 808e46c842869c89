package io.assay.tools;

import io.assay.models.ChatMessage;
import io.assay.models.ModelClient;
import io.assay.models.ModelException;
import io.assay.models.ModelOptions;
import io.assay.models.ModelResponse;
import io.assay.spi.EnvironmentException;
import io.assay.spi.Message;
import io.assay.spi.Task;
import io.assay.spi.TraceStep;
import io.assay.spi.UserSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A model plays the user, as tau2-bench's user simulator does. Its system prompt is the
 * {@link UserScenario}; it sees the conversation from the user's side (the agent's messages as the
 * other party's, its own as its replies), after the agent's fixed greeting that tau2 opens every
 * conversation with; and it ends the conversation by saying one of the stop tokens. Each call is
 * recorded in the trial's transcript as a {@code model_call} step marked {@code "actor": "user"},
 * so the run's usage and cost count it. A call that fails after the model's retries is the
 * environment's failure, not the agent's: the trial ends as a harness error.
 */
final class ModelUser implements UserSide {
    /** What the agent says first in every tau2 conversation; the user model answers it with its opening. */
    static final String GREETING = "Hi! How can I help you today?";

    private final ModelOptions options;
    private final ModelClient client;

    /** @param client the one client for every trial of the run, so the model's limits hold across them */
    ModelUser(ModelOptions options, ModelClient client) {
        this.options = options;
        this.client = client;
    }

    @Override
    public UserSimulator forTrial(Consumer<TraceStep> transcript) {
        return (task, conversation) -> reply(task, conversation, transcript);
    }

    private Optional<String> reply(Task task, List<Message> conversation, Consumer<TraceStep> transcript)
            throws InterruptedException {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(UserScenario.systemPrompt(task)));
        messages.add(ChatMessage.user(GREETING));
        for (Message message : conversation) {
            messages.add(message.role() == Message.Role.USER ? ChatMessage.assistant(message.content())
                    : ChatMessage.user(message.content()));
        }
        ModelResponse response;
        try {
            response = client.complete(options.request(messages, List.of()));
        } catch (ModelException e) {
            throw e.toEnvironmentException("task '" + task.id() + "': the user model's call failed");
        }
        TraceStep call = options.call(response).step();
        Map<String, Object> data = new LinkedHashMap<>(call.data());
        data.put("actor", "user");
        transcript.accept(new TraceStep(call.kind(), data));
        String text = response.text().strip();
        Optional<Ending> ending = Ending.of(text);
        if (ending.isPresent()) {
            transcript.accept(TraceStep.note("the user ended the conversation with " + ending.get().token + " ("
                    + ending.get().meaning + "): " + text));
            return Optional.empty();
        }
        if (text.isEmpty()) {
            throw new EnvironmentException("task '" + task.id() + "': the user model replied with no text (stop reason "
                    + response.stopReason() + ")");
        }
        return Optional.of(text);
    }

    /** The stop tokens, in the order tau2 checks them: a message with two ends as the first. */
    private enum Ending {
        OUT_OF_SCOPE(UserScenario.OUT_OF_SCOPE, "the scenario did not cover what the agent asked"),
        STOP(UserScenario.STOP, "the scenario's goal was reached"),
        TRANSFER(UserScenario.TRANSFER, "the user was transferred");

        final String token;
        final String meaning;

        Ending(String token, String meaning) {
            this.token = token;
            this.meaning = meaning;
        }

        static Optional<Ending> of(String text) {
            for (Ending ending : values()) {
                if (text.contains(ending.token)) {
                    return Optional.of(ending);
                }
            }
            return Optional.empty();
        }
    }
}
