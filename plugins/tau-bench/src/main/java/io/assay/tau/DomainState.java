package io.assay.tau;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tools.SharedState;
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

    /**
     * A table of records keyed by id, writable: records can be added and replaced, while the records
     * in it stay shared (and frozen) until {@link #record} makes one writable. A missing table is a
     * malformed database, not something to refuse.
     */
    public ObjectNode table(String name) {
        ObjectNode records = SharedState.writable(state, name);
        if (records == null) {
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

    /** A record of a table, writable with all it holds, or {@code missing} when there is none. */
    protected ObjectNode record(String table, String id, ToolException missing) {
        ObjectNode records = table(table);
        if (!(records.get(id) instanceof ObjectNode found)) {
            throw missing;
        }
        if (!SharedState.isFrozen(found)) {
            return found;
        }
        ObjectNode copy = found.deepCopy(); // a record is small; copied whole, it can change at any depth
        records.set(id, copy);
        return copy;
    }
}
