package io.assay.agents.model;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.Options;
import java.util.function.Function;

/**
 * {@code --agent react --model anthropic/claude-sonnet-4-5}: a tool-calling loop. In a tool
 * environment the model gets the domain's tools and its policy (after the default instructions in
 * the system prompt, as tau2-bench's agent has it) and talks with the user until the user ends the
 * conversation; in a sandbox it gets one {@code bash} tool and works until it replies without a
 * tool call; elsewhere it answers once, like {@code chat}. Every model call is a {@code model_call}
 * trace step.
 *
 * <p>Options: the shared model options ({@link io.assay.models.ModelOptions#KEYS}), {@code system}
 * (replaces the default system prompt, policy included; empty sends none), and the limits {@code max_turns} (model calls, default 30),
 * {@code max_total_tokens} (default 200000) and {@code max_seconds} (default 600). A trial that
 * reaches a limit stops with a note saying which, and is graded as it stands.
 */
public final class ReactAgentFactory implements AgentFactory {

    private final Function<String, String> environment;

    public ReactAgentFactory() {
        this(System::getenv);
    }

    /** Reads the API key from {@code environment} instead of the process's, for tests. */
    ReactAgentFactory(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "react";
    }

    @Override
    public String description() {
        return "a model calling tools (a tool environment's, or bash in a sandbox) in a loop (options: model,"
                + " max_turns, max_total_tokens, max_seconds, system, ...)";
    }

    @Override
    public Agent create(Options options) {
        RecordingModel.allowOnly(options, "system", ReactLimits.MAX_TURNS, ReactLimits.MAX_TOTAL_TOKENS,
                ReactLimits.MAX_SECONDS);
        ReactLimits limits = ReactLimits.from(options);
        String system = options.string("system", null);
        return new ReactAgent(RecordingModel.create(options, environment), system, limits);
    }
}
