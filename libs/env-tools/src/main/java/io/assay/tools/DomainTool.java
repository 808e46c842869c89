package io.assay.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.spi.Tool;

/**
 * One tool of a {@link Domain}. The session checks arguments against {@link Tool#parameters()}
 * (required names present, no unknown names, JSON types) before calling it, and turns a
 * {@link ToolException} or {@link io.assay.spi.InvalidOptionException} into an error observation.
 *
 * <pre>{@code
 * public JsonNode call(ObjectNode state, Options arguments) {
 *     JsonNode order = state.path("orders").path(arguments.string("order_id"));
 *     if (order.isMissingNode()) {
 *         throw new ToolException("order not found: " + arguments.string("order_id"));
 *     }
 *     return order;
 * }
 * }</pre>
 */
public interface DomainTool {

    /** The tool as agents see it; {@link Tool#readOnly()} must be true only if {@link #call} never writes. */
    Tool spec();

    /**
     * Runs the tool on a trial's state, changing it in place if the tool writes. Must be
     * deterministic: the same state and arguments give the same result and the same new state.
     *
     * @return the observation the agent sees, as JSON
     * @throws ToolException when the call breaks a domain rule; nothing may have been changed
     */
    JsonNode call(ObjectNode state, Options arguments);
}
