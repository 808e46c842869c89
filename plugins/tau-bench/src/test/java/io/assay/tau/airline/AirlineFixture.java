package io.assay.tau.airline;

import static io.assay.tau.ToolArguments.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tau.TauVersion;
import io.assay.testkit.Benchmarks;
import io.assay.tools.DomainCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The published airline (tau-bench's three files, merged as tau2-bench's db.json) with one
 * version's tools, called directly on a fresh state as the session calls them.
 */
final class AirlineFixture extends DomainCalls<AirlineDomain> {
    static final ObjectNode DATABASE = load();

    AirlineFixture(TauVersion version) {
        super(new AirlineDomain(DATABASE, "policy", version));
    }

    JsonNode reservation(String id) {
        return state.path("reservations").path(id);
    }

    JsonNode paymentMethods(String userId) {
        return state.path("users").path(userId).path("payment_methods");
    }

    JsonNode day(String flightNumber, String date) {
        return state.path("flights").path(flightNumber).path("dates").path(date);
    }

    static Map<String, Object> flight(String number, String date) {
        return args("flight_number", number, "date", date);
    }

    static Map<String, Object> passenger(String first, String last, String dob) {
        return args("first_name", first, "last_name", last, "dob", dob);
    }

    static Map<String, Object> payment(String id, Object amount) {
        return args("payment_id", id, "amount", amount);
    }

    private static ObjectNode load() {
        Path folder = Benchmarks.folder("tau-bench/tau1/airline");
        ObjectNode database = Json.MAPPER.createObjectNode();
        for (String table : List.of("flights", "users", "reservations")) {
            try {
                database.set(table, Json.MAPPER.readTree(folder.resolve(table + ".json").toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }
}
