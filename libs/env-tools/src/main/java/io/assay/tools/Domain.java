package io.assay.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A simulated domain that a {@link ToolEnvironmentFactory} serves: its starting data and the tools
 * that read and change it. Implementations are stateless; every trial works on its own copy of
 * {@link #initialState()}.
 *
 * <pre>{@code
 * ToolEnvironmentFactory shop = new ToolEnvironmentFactory("retail", "an online shop", RetailDomain::new);
 * }</pre>
 */
public interface Domain {

    /** A fresh, private copy of the starting state: top-level tables of records keyed by id. */
    ObjectNode initialState();

    /** The domain's tools, in the order agents are shown them; names are unique. */
    List<DomainTool> tools();

    /**
     * Whether a gold action that fails when replayed is skipped in computing the expected state,
     * as tau-bench's and tau2-bench's evaluators skip it (the call was refused, so it changed
     * nothing), rather than making every trial of the task a harness error. Either way the
     * audit's gold-replay probe reports the action: the task is not solvable as written.
     */
    default boolean skipsFailingGoldActions() {
        return false;
    }

    /** The rules agents are told to follow ({@link io.assay.spi.ToolEnvironment#policy()}); none by default. */
    default String policy() {
        return "";
    }
}
