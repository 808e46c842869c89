package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * tau2-bench's pydantic models where they show: the objects a tool receives are validated into
 * {@code FlightInfo}, {@code Passenger} and {@code Payment} (unknown fields dropped, a missing or
 * mistyped one refused with pydantic's words), and the records a tool returns are dumped with every
 * model field, so a reservation shows {@code "status": null} and a user its {@code user_id}.
 */
final class Tau2Models {
    static final Map<String, String> FLIGHT_INFO = Map.of("flight_number", "string", "date", "string");
    static final Map<String, String> PASSENGER = Map.of("first_name", "string", "last_name", "string", "dob", "string");
    static final Map<String, String> PAYMENT = Map.of("payment_id", "string", "amount", "integer");
    private static final List<String> FIELD_ORDER = List.of("flight_number", "date", "first_name", "last_name", "dob",
            "payment_id", "amount");

    private Tau2Models() {
    }

    /** Each element of {@code list} validated as the model {@code name} with {@code fields} (name to JSON type). */
    static ArrayNode models(String name, Map<String, String> fields, JsonNode list) {
        ArrayNode models = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : list) {
            models.add(model(name, fields, element));
        }
        return models;
    }

    /** A reservation as {@code Reservation.model_dump()} shows it. */
    static ObjectNode reservation(ObjectNode stored) {
        ObjectNode dump = stored.deepCopy();
        if (!dump.has("status")) {
            dump.set("status", NullNode.getInstance());
        }
        return dump;
    }

    /** A user as {@code User.model_dump()} shows it: the data keys users by id, the model names it first. */
    static ObjectNode user(String userId, ObjectNode stored) {
        ObjectNode dump = JsonNodeFactory.instance.objectNode();
        dump.put("user_id", userId);
        dump.setAll(stored.deepCopy());
        return dump;
    }

    private static ObjectNode model(String name, Map<String, String> fields, JsonNode input) {
        ObjectNode model = JsonNodeFactory.instance.objectNode();
        List<String> errors = new ArrayList<>();
        for (String field : FIELD_ORDER.stream().filter(fields::containsKey).toList()) {
            JsonNode value = input.get(field);
            if (value == null) {
                errors.add(field + "\n  Field required");
            } else if (fields.get(field).equals("string")) {
                if (value.isTextual()) {
                    model.set(field, value);
                } else {
                    errors.add(field + "\n  Input should be a valid string");
                }
            } else {
                Num number = integer(value);
                if (number == null) {
                    errors.add(field + "\n  Input should be a valid integer" + (value.isNumber()
                            ? ", got a number with a fractional part" : ""));
                } else {
                    model.set(field, number.valueNode());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ToolException(errors.size() + " validation error" + (errors.size() == 1 ? "" : "s") + " for "
                    + name + "\n" + String.join("\n", errors));
        }
        return model;
    }

    /** Pydantic's lax int: a whole number, or text holding one. */
    private static Num integer(JsonNode value) {
        Num number = Num.of(value);
        if (number == null && value.isTextual() && value.asText().strip().matches("[+-]?\\d+")) {
            number = new Num(new BigDecimal(value.asText().strip()), true);
        }
        return number != null && number.isWhole() ? new Num(number.value(), true) : null;
    }
}
