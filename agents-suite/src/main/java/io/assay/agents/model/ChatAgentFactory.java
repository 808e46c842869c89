package io.assay.agents.model;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.Options;
import java.util.function.Function;

/**
 * {@code --agent chat --model openai/gpt-4o-mini}: one model call per trial. The model is asked to
 * end its reply with a line {@code ANSWER: <answer>}; the answer is what follows the last such
 * marker, or the whole reply when there is none. Options: the shared model options
 * ({@link io.assay.models.ModelOptions#KEYS}) and {@code system}, a system prompt replacing the
 * default one (which is what asks for the {@code ANSWER:} line, and in a tool environment carries
 * the domain's policy); empty sends no system prompt.
 */
public final class ChatAgentFactory implements AgentFactory {

    private final Function<String, String> environment;

    public ChatAgentFactory() {
        this(System::getenv);
    }

    /** Reads the API key from {@code environment} instead of the process's, for tests. */
    ChatAgentFactory(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String description() {
        return "asks a model once and answers its final ANSWER: line (options: model, base_url, api_key_env, system, ...)";
    }

    @Override
    public Agent create(Options options) {
        RecordingModel.allowOnly(options, "system");
        return new ChatAgent(RecordingModel.create(options, environment), options.string("system", null));
    }
}
