package io.assay.agents;

import io.assay.agents.model.ChatAgentFactory;
import io.assay.agents.model.ReactAgentFactory;
import io.assay.spi.AgentFactory;
import io.assay.spi.AssayPlugin;
import java.util.List;

/**
 * The reference agents every benchmark needs to check itself: {@code null} (does nothing),
 * {@code oracle} (returns the reference solution), {@code scripted} (replays recorded outputs) and
 * {@code sleep} (the oracle, slowly, for harness benchmarks); and the model-backed {@code chat} and
 * {@code react}.
 */
public final class ReferenceAgentsPlugin implements AssayPlugin {

    @Override
    public List<AgentFactory> agents() {
        return List.of(new NullAgentFactory(), new OracleAgentFactory(), new ScriptedAgentFactory(),
                new SleepAgentFactory(), new ChatAgentFactory(), new ReactAgentFactory());
    }
}
