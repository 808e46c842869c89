package io.assay.tau.retail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolResult;
import io.assay.tau.TauVersion;
import io.assay.testkit.Benchmarks;
import io.assay.tools.ToolEnvironmentFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The published retail data of both versions, and trials on it run through the toolkit's sessions. */
final class RetailFixture {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static ObjectNode tau2Database;
    private static ObjectNode tau1Database;

    private RetailFixture() {
    }

    static synchronized ObjectNode tau2Database() {
        if (tau2Database == null) {
            tau2Database = (ObjectNode) read(Benchmarks.folder("tau-bench/tau2/retail/db.json"));
        }
        return tau2Database;
    }

    /** tau-bench's three files under the keys of tau2's db.json. */
    static synchronized ObjectNode tau1Database() {
        if (tau1Database == null) {
            tau1Database = MAPPER.createObjectNode();
            for (String table : List.of("products", "users", "orders")) {
                tau1Database.set(table, read(Benchmarks.folder("tau-bench/tau1/retail/" + table + ".json")));
            }
        }
        return tau1Database;
    }

    static RetailDomain domain(TauVersion version) {
        return new RetailDomain(version == TauVersion.TAU2 ? tau2Database() : tau1Database(), "policy", version);
    }

    /** A trial of the domain: calls are checked against the schema and refused writes rolled back, as in a run. */
    static Trial trial(RetailDomain domain) {
        try {
            ToolEnvironment session = (ToolEnvironment) new ToolEnvironmentFactory("tau-retail", "", () -> domain)
                    .create(new Options("environment", Map.of("type", "tau-retail")))
                    .start(new Task("t", "Hello.", Map.of("actions", List.of()), null, Map.of(), null), 0);
            return new Trial(session);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a retail trial", e);
        }
    }

    static Trial trial(TauVersion version) {
        return trial(domain(version));
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One trial's tools and state. */
    record Trial(ToolEnvironment session) {
        ToolResult call(String tool, Map<String, Object> arguments) {
            return session.call(tool, arguments);
        }

        JsonNode json(String tool, Map<String, Object> arguments) {
            ToolResult result = call(tool, arguments);
            if (result.error()) {
                throw new AssertionError(tool + " " + arguments + " failed: " + result.content());
            }
            try {
                return MAPPER.readTree(result.content());
            } catch (IOException e) {
                throw new AssertionError(tool + " gave no JSON: " + result.content(), e);
            }
        }

        JsonNode state() {
            return MAPPER.valueToTree(session.state());
        }
    }
}
