package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.spi.Tool;
import io.assay.tau.TauVersion;
import io.assay.tools.DomainTool;

/**
 * One retail tool: the spec upstream shows the agent (from {@code tools-tau1.json} or
 * {@code tools-tau2.json}) and what it does to the shop in that version.
 */
record RetailTool(Tool spec, TauVersion version, Behaviour behaviour) implements DomainTool {

    /** What a tool does, written once for both versions; {@code readOnly} when it never writes. */
    record Behaviour(String name, boolean readOnly, Body body) {
        static Behaviour reading(String name, Body body) {
            return new Behaviour(name, true, body);
        }

        static Behaviour writing(String name, Body body) {
            return new Behaviour(name, false, body);
        }
    }

    interface Body {
        JsonNode call(Shop shop, Options arguments);
    }

    @Override
    public JsonNode call(ObjectNode state, Options arguments) {
        return behaviour.body().call(new Shop(state, version), arguments);
    }
}
