package io.assay.tau.airline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a tool's JSON Schema parameters as upstream declares them: every parameter required, each
 * with upstream's type, enum and description (upstream leaves some enums without one).
 */
final class Schema {
    /** Both versions word a stored payment method's id the same. */
    static final String PAYMENT_ID = "The payment id stored in user profile, such as 'credit_card_7815826', "
            + "'gift_card_7815826', 'certificate_7815826'.";
    /** A flight of a booking or change, alike in both versions: {@code {flight_number, date}}. */
    private static final Schema FLIGHT_INFO = new Schema()
            .text("flight_number", "Flight number, such as 'HAT001'.")
            .text("date", "The date for the flight in the format 'YYYY-MM-DD', such as '2024-05-01'.");

    private final Map<String, Object> properties = new LinkedHashMap<>();

    /** The parameters of both flight searches, as upstream words them (its date examples differ). */
    static Schema route(String exampleDate) {
        return new Schema()
                .text("origin", "The origin city airport in three letters, such as 'JFK'.")
                .text("destination", "The destination city airport in three letters, such as 'LAX'.")
                .text("date", "The date of the flight in the format 'YYYY-MM-DD', such as '" + exampleDate + "'.");
    }

    /** A booking's {@code flights}, worded alike in both versions. */
    Schema flights() {
        return objects("flights", "An array of objects containing details about each piece of flight.", FLIGHT_INFO);
    }

    /** A change's {@code flights}: the whole new list, worded alike in both versions. */
    Schema newFlights() {
        return objects("flights", "An array of objects containing details about each piece of flight in the ENTIRE "
                + "new reservation. Even if the a flight segment is not changed, it should still be included in the "
                + "array.", FLIGHT_INFO);
    }

    /** The new baggage counts and who pays, worded alike in both versions. */
    Schema newBaggages() {
        return integer("total_baggages", "The updated total number of baggage items included in the reservation.")
                .integer("nonfree_baggages", "The updated number of non-free baggage items included in the reservation.")
                .text("payment_id", PAYMENT_ID);
    }

    /** {@code passengers}, worded alike in both versions; each version describes a passenger's fields its own way. */
    Schema passengers(Schema passenger) {
        return objects("passengers", "An array of objects containing details about each passenger.", passenger);
    }

    /** A booking's {@code payment_methods}, worded alike in both versions; the amount's type differs. */
    Schema paymentMethods(Schema payment) {
        return objects("payment_methods", "An array of objects containing details about each payment method.", payment);
    }

    Schema text(String name, String description) {
        return add(name, "string", description);
    }

    Schema integer(String name, String description) {
        return add(name, "integer", description);
    }

    Schema number(String name, String description) {
        return add(name, "number", description);
    }

    /** A string from a fixed set; {@code description} may be null where upstream gives none. */
    Schema choice(String name, String description, List<String> allowed) {
        Map<String, Object> property = property("string", description);
        property.put("enum", List.copyOf(allowed));
        properties.put(name, property);
        return this;
    }

    /** An array of objects, each of the shape {@code item} describes. */
    Schema objects(String name, String description, Schema item) {
        Map<String, Object> property = property("array", description);
        property.put("items", item.toMap());
        properties.put(name, property);
        return this;
    }

    Map<String, Object> toMap() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(new ArrayList<>(properties.keySet())));
        return schema;
    }

    private Schema add(String name, String type, String description) {
        properties.put(name, property(type, description));
        return this;
    }

    private static Map<String, Object> property(String type, String description) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", type);
        if (description != null) {
            property.put("description", description);
        }
        return property;
    }
}
