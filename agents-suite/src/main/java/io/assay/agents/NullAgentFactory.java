package io.assay.agents;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentOutput;
import io.assay.spi.Options;

/**
 * {@code --agent null}: answers nothing. A task it passes rewards doing nothing (ABC T.10, O.g.3),
 * as the "change nothing" tasks of tau-bench did.
 */
public final class NullAgentFactory implements AgentFactory {

    @Override
    public String name() {
        return "null";
    }

    @Override
    public String description() {
        return "does nothing and answers the empty string; no task should pass";
    }

    @Override
    public Agent create(Options options) {
        options.allowOnly();
        return input -> AgentOutput.of("");
    }
}
