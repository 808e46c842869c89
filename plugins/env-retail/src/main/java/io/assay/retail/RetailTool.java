package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.spi.Tool;
import io.assay.tools.DomainTool;
import java.util.function.BiFunction;

/**
 * One retail tool: its spec and what it does to the shop. Writing tools check every rule before
 * they change anything, so a refused call leaves the state as it was even without a rollback.
 */
record RetailTool(Tool spec, BiFunction<Shop, Options, JsonNode> body) implements DomainTool {

    static RetailTool reading(String name, String description, Parameters parameters,
                              BiFunction<Shop, Options, JsonNode> body) {
        return new RetailTool(new Tool(name, description, parameters.schema(), true), body);
    }

    static RetailTool writing(String name, String description, Parameters parameters,
                              BiFunction<Shop, Options, JsonNode> body) {
        return new RetailTool(new Tool(name, description, parameters.schema(), false), body);
    }

    @Override
    public JsonNode call(ObjectNode state, Options arguments) {
        return body.apply(new Shop(state), arguments);
    }
}
