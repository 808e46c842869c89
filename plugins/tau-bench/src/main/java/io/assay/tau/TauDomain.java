package io.assay.tau;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tools.Domain;
import io.assay.tools.DomainTool;
import io.assay.tools.SharedState;
import java.util.List;

/**
 * What the tau domains share as a {@link Domain}: a starting state every trial gets a copy of, the
 * policy, the tools of one benchmark version, and upstream's way with a failing gold action.
 *
 * <pre>{@code
 * public final class AirlineDomain extends TauDomain { ... super(database, policy, tools); }
 * }</pre>
 */
public abstract class TauDomain implements Domain {
    private final ObjectNode initial;
    private final String policy;
    private final List<DomainTool> tools;

    /** @param initial the starting state, frozen here and shared by every trial's copy */
    protected TauDomain(ObjectNode initial, String policy, List<? extends DomainTool> tools) {
        this.initial = SharedState.freeze(initial);
        this.policy = policy;
        this.tools = List.copyOf(tools);
    }

    @Override
    public final ObjectNode initialState() {
        return SharedState.copy(initial); // the tables stay shared until a tool writes to them
    }

    @Override
    public final List<DomainTool> tools() {
        return tools;
    }

    /** Upstream's evaluators skip a gold action that fails, so the reward does too; the audit reports it. */
    @Override
    public final boolean skipsFailingGoldActions() {
        return true;
    }

    @Override
    public final String policy() {
        return policy;
    }
}
