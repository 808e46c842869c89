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

    /** The rules agents are told to follow ({@link io.assay.spi.ToolEnvironment#policy()}); none by default. */
    default String policy() {
        return "";
    }
}
