package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tau.DomainState;
import io.assay.tau.TauVersion;
import io.assay.tools.ToolException;
import java.util.List;
import java.util.Map;

/**
 * A trial's airline state ({@code flights}, {@code users}, {@code reservations}, each keyed by id)
 * and the look-ups every tool shares, refusing with the message of the benchmark version the suite
 * was published with: tau-bench says {@code user not found}, tau2-bench {@code User sara_doe_496 not found}.
 */
final class Airline extends DomainState {
    /** Upstream's fixed ids: the tasks expect exactly these for new reservations and certificates. */
    static final List<String> NEW_RESERVATION_IDS = List.of("HATHAT", "HATHAU", "HATHAV");
    static final List<String> NEW_CERTIFICATE_IDS = List.of("certificate_3221322", "certificate_3221323",
            "certificate_3221324");
    /** Upstream's clock is this constant, so bookings are deterministic. */
    static final String NOW = "2024-05-15T15:00:00";

    Airline(ObjectNode state, TauVersion version) {
        super(state, version);
    }

    ObjectNode flights() {
        return table("flights");
    }

    ObjectNode reservations() {
        return table("reservations");
    }

    ObjectNode user(String userId) {
        return record("users", userId, refusal("user not found", "User " + userId + " not found"));
    }

    ObjectNode reservation(String reservationId) {
        return reservation(reservationId, "reservation not found");
    }

    /** A reservation, with tau-bench's message when it is missing (one of its tools says "user not found"). */
    ObjectNode reservation(String reservationId, String tau1Missing) {
        return record("reservations", reservationId,
                refusal(tau1Missing, "Reservation " + reservationId + " not found"));
    }

    /** The user who made a reservation; tau-bench indexes the users directly, hence its KeyError text. */
    ObjectNode owner(JsonNode reservation) {
        String userId = reservation.path("user_id").asText();
        return record("users", userId, refusal(keyError(userId), "User " + userId + " not found"));
    }

    ObjectNode flight(String flightNumber) {
        return record("flights", flightNumber,
                refusal("flight " + flightNumber + " not found", "Flight " + flightNumber + " not found"));
    }

    /** A flight's status on a date: {@code {"status": "available", "available_seats": ..., "prices": ...}} and the like. */
    ObjectNode flightOn(String flightNumber, String date) {
        JsonNode day = flight(flightNumber).path("dates").path(date);
        if (!day.isObject()) {
            throw refusal("flight " + flightNumber + " not found on date " + date,
                    "Flight " + flightNumber + " not found on date " + date);
        }
        return (ObjectNode) day;
    }

    /** A flight on a date that can take {@code passengers} more in {@code cabin}. */
    ObjectNode bookable(String flightNumber, String date, String cabin, int passengers) {
        ObjectNode day = flightOn(flightNumber, date);
        if (!day.path("status").asText().equals("available")) {
            throw refusal("flight " + flightNumber + " not available on date " + date,
                    "Flight " + flightNumber + " not available on date " + date);
        }
        if (day.path("available_seats").path(cabin).asLong() < passengers) {
            throw refusal("not enough seats on flight " + flightNumber, "Not enough seats on flight " + flightNumber);
        }
        return day;
    }

    /**
     * A flight as a reservation records it: tau2-bench builds a {@code ReservationFlight}; tau-bench
     * keeps the object it was given and sets price, origin and destination on it.
     */
    ObjectNode reservedFlight(JsonNode requested, JsonNode flight, String date, JsonNode price) {
        ObjectNode reserved;
        if (tau2()) {
            reserved = objectNode().put("flight_number", flight.path("flight_number").asText());
            reserved.set("origin", flight.path("origin"));
            reserved.set("destination", flight.path("destination"));
            reserved.put("date", date);
            reserved.set("price", price);
        } else {
            reserved = (ObjectNode) stored(requested);
            reserved.set("price", price);
            reserved.set("origin", flight.path("origin"));
            reserved.set("destination", flight.path("destination"));
        }
        return reserved;
    }

    /** The first of upstream's three reservation ids not taken; tau-bench overwrites the third, tau2-bench refuses. */
    String newReservationId() {
        for (String id : NEW_RESERVATION_IDS) {
            if (!reservations().has(id)) {
                return id;
            }
        }
        if (tau2()) {
            throw new ToolException("Too many reservations");
        }
        return NEW_RESERVATION_IDS.getLast();
    }

    /** A list of objects the tool receives: tau2-bench validates each into its pydantic model, tau-bench takes them as given. */
    JsonNode objects(Options arguments, String parameter, String model, Map<String, String> fields) {
        JsonNode given = Json.tree(arguments.get(parameter));
        return tau2() ? Tau2Models.models(model, fields, given) : given;
    }

    /** A number as this version stores it (see {@link Num}). */
    JsonNode node(Num number) {
        return tau2() ? number.valueNode() : number.typedNode();
    }

    /** An argument about to be stored, its numbers written as this version stores them. */
    JsonNode stored(JsonNode argument) {
        if (argument.isNumber()) {
            return node(Num.of(argument));
        }
        if (argument.isObject()) {
            ObjectNode copy = argument.deepCopy();
            for (Map.Entry<String, JsonNode> field : argument.properties()) {
                copy.set(field.getKey(), stored(field.getValue()));
            }
            return copy;
        }
        if (argument.isArray()) {
            ArrayNode copy = arrayNode();
            argument.forEach(element -> copy.add(stored(element)));
            return copy;
        }
        return argument.deepCopy();
    }

    /** Python's {@code str(KeyError(key))}, what tau-bench shows when a key it indexes is missing. */
    static String keyError(String key) {
        return "'" + key + "'";
    }

    /** A field tau-bench indexes without a check: a missing one is its KeyError. */
    static JsonNode field(JsonNode record, String name) {
        JsonNode value = record.get(name);
        if (value == null) {
            throw new ToolException(keyError(name));
        }
        return value;
    }
}
