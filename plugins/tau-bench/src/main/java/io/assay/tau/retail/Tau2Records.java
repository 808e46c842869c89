package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * tau2-bench's retail records as its pydantic models dump them ({@code tau2/domains/retail/data_model.py}):
 * fields in the models' order, optional order fields present as {@code null}, float fields as
 * floats ({@code 51.0}), unknown nested fields dropped. tau2 tools return these dumps and tau2
 * hashes them, so the domain keeps its state in this shape from the start.
 */
final class Tau2Records {
    static final List<String> ADDRESS = List.of("address1", "address2", "city", "country", "state", "zip");
    private static final Set<String> FLOATS = Set.of("price", "amount", "balance", "exchange_price_difference");
    private static final List<String> ORDER_OPTIONAL = List.of("cancel_reason", "exchange_items",
            "exchange_new_items", "exchange_payment_method_id", "exchange_price_difference", "return_items",
            "return_payment_method_id");
    private static final Map<String, List<String>> PAYMENT_METHODS = Map.of(
            "credit_card", List.of("source", "id", "brand", "last_four"),
            "gift_card", List.of("source", "id", "balance"),
            "paypal", List.of("source", "id"));

    private Tau2Records() {
    }

    /** The database as tau2's {@code RetailDB.model_dump()}; the argument is left as it was. */
    static ObjectNode normalise(ObjectNode database) {
        Set<String> tables = Set.of("products", "users", "orders");
        for (Iterator<String> names = database.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!tables.contains(name)) {
                throw invalid(name, "unknown table; a tau2 retail database has products, users and orders");
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("products", table(database, "products", Tau2Records::product));
        result.set("users", table(database, "users", Tau2Records::user));
        result.set("orders", table(database, "orders", Tau2Records::order));
        return result;
    }

    static ObjectNode address(JsonNode source, String where) {
        return pick(source, where, ADDRESS);
    }

    private interface Record {
        ObjectNode shape(JsonNode source, String where);
    }

    private static ObjectNode table(ObjectNode database, String name, Record record) {
        JsonNode records = database.path(name);
        if (!records.isObject()) {
            throw invalid(name, "expected an object of records keyed by id");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        records.fields().forEachRemaining(entry ->
                result.set(entry.getKey(), record.shape(entry.getValue(), name + "." + entry.getKey())));
        return result;
    }

    private static ObjectNode product(JsonNode source, String where) {
        ObjectNode product = pick(source, where, List.of("name", "product_id", "variants"));
        ObjectNode variants = JsonNodeFactory.instance.objectNode();
        product.path("variants").fields().forEachRemaining(entry -> variants.set(entry.getKey(),
                pick(entry.getValue(), where + ".variants." + entry.getKey(),
                        List.of("item_id", "options", "available", "price"))));
        product.set("variants", variants);
        return product;
    }

    private static ObjectNode user(JsonNode source, String where) {
        ObjectNode user = pick(source, where, List.of("user_id", "name", "address", "email", "payment_methods", "orders"));
        user.set("name", pick(user.get("name"), where + ".name", List.of("first_name", "last_name")));
        user.set("address", address(user.get("address"), where + ".address"));
        ObjectNode methods = JsonNodeFactory.instance.objectNode();
        user.path("payment_methods").fields().forEachRemaining(entry -> {
            String at = where + ".payment_methods." + entry.getKey();
            List<String> fields = PAYMENT_METHODS.get(entry.getValue().path("source").asText());
            if (fields == null) {
                throw invalid(at + ".source", "expected credit_card, gift_card or paypal");
            }
            methods.set(entry.getKey(), pick(entry.getValue(), at, fields));
        });
        user.set("payment_methods", methods);
        return user;
    }

    private static ObjectNode order(JsonNode source, String where) {
        ObjectNode order = pick(source, where, List.of("order_id", "user_id", "address", "items", "status",
                "fulfillments", "payment_history"));
        order.set("address", address(order.get("address"), where + ".address"));
        order.set("items", list(order.get("items"), where + ".items",
                List.of("name", "product_id", "item_id", "price", "options")));
        order.set("fulfillments", list(order.get("fulfillments"), where + ".fulfillments",
                List.of("tracking_id", "item_ids")));
        order.set("payment_history", list(order.get("payment_history"), where + ".payment_history",
                List.of("transaction_type", "amount", "payment_method_id")));
        for (String field : ORDER_OPTIONAL) {
            JsonNode value = source.path(field);
            order.set(field, value.isMissingNode() || value.isNull() ? null
                    : FLOATS.contains(field) ? PyNumbers.asFloat(value) : value.deepCopy());
        }
        return order;
    }

    private static ArrayNode list(JsonNode source, String where, List<String> fields) {
        if (!source.isArray()) {
            throw invalid(where, "expected a list");
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < source.size(); i++) {
            result.add(pick(source.get(i), where + "[" + i + "]", fields));
        }
        return result;
    }

    /** The required fields in this order, floats made floats; anything else is dropped, as pydantic ignores it. */
    private static ObjectNode pick(JsonNode source, String where, List<String> fields) {
        if (source == null || !source.isObject()) {
            throw invalid(where, "expected an object with " + fields);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            JsonNode value = source.get(field);
            if (value == null || value.isNull()) {
                throw invalid(where + "." + field, "required field is missing");
            }
            if (FLOATS.contains(field) && !value.isNumber()) {
                throw invalid(where + "." + field, "expected a number, got " + value);
            }
            result.set(field, FLOATS.contains(field) ? PyNumbers.asFloat(value) : value.deepCopy());
        }
        return result;
    }

    private static IllegalArgumentException invalid(String field, String expectation) {
        return new IllegalArgumentException("tau2 retail database, " + field + ": " + expectation);
    }
}
