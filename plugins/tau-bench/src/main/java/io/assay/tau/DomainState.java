package io.assay.tau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tools.ToolException;

/**
 * A trial's state as a domain's tools see it, tables of records keyed by id, and the benchmark
 * version whose words a refusal takes: tau-bench and tau2-bench word the same refusal differently
 * ({@code user not found}, {@code User sara_doe_496 not found}). Each domain adds its look-ups.
 *
 * <pre>{@code
 * ObjectNode user = record("users", userId, refusal("user not found", "User " + userId + " not found"));
 * }</pre>
 */
public abstract class DomainState {
    private final ObjectNode state;
    private final TauVersion version;

    protected DomainState(ObjectNode state, TauVersion version) {
        this.state = state;
        this.version = version;
    }

    public boolean tau2() {
        return version == TauVersion.TAU2;
    }

    /** A refusal in the words of this version's upstream. */
    public ToolException refusal(String tau1, String tau2) {
        return new ToolException(tau2() ? tau2 : tau1);
    }

    /** A table of records keyed by id; a missing one is a malformed database, not something to refuse. */
    public ObjectNode table(String name) {
        if (!(state.get(name) instanceof ObjectNode records)) {
            throw new IllegalStateException("the state has no \"" + name + "\" object of records keyed by id");
        }
        return records;
    }

    public ObjectNode objectNode() {
        return state.objectNode();
    }

    public ArrayNode arrayNode() {
        return state.arrayNode();
    }

    /** A record of a table, or {@code missing} when there is none. */
    protected ObjectNode record(String table, String id, ToolException missing) {
        JsonNode record = state.path(table).path(id);
        if (!(record instanceof ObjectNode found)) {
            throw missing;
        }
        return found;
    }
}
