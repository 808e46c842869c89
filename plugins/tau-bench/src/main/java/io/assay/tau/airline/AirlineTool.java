package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.spi.Tool;
import io.assay.tau.TauVersion;
import io.assay.tools.DomainTool;
import java.util.function.BiFunction;

/** One airline tool: its spec as the benchmark version shows it, and what it does to the airline. */
record AirlineTool(Tool spec, TauVersion version, BiFunction<Airline, Options, JsonNode> body) implements DomainTool {

    /** A tool that only reads (upstream's READ and GENERIC tools). */
    static AirlineTool reading(TauVersion version, String name, String description, Schema parameters,
                               BiFunction<Airline, Options, JsonNode> body) {
        return new AirlineTool(new Tool(name, description, parameters.toMap(), true), version, body);
    }

    /** A tool that changes the state (upstream's WRITE tools). */
    static AirlineTool writing(TauVersion version, String name, String description, Schema parameters,
                               BiFunction<Airline, Options, JsonNode> body) {
        return new AirlineTool(new Tool(name, description, parameters.toMap(), false), version, body);
    }

    @Override
    public JsonNode call(ObjectNode state, Options arguments) {
        return body.apply(new Airline(state, version), arguments);
    }
}
