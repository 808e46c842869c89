package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial's retail state seen through the shop's rules: lookups that fail with a message the agent
 * can act on, and the checks that several tools share.
 */
final class Shop {
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String ITEMS_MODIFIED = "pending (item modified)";

    private final ObjectNode state;

    Shop(ObjectNode state) {
        this.state = state;
    }

    Iterable<JsonNode> users() {
        return state.path("users");
    }

    ObjectNode products() {
        return (ObjectNode) state.path("products");
    }

    ObjectNode user(String userId) {
        return record("users", userId, "user", "find it with find_user_id_by_email or find_user_id_by_name_zip");
    }

    ObjectNode order(String orderId) {
        return record("orders", orderId, "order", "order ids look like '#W0000000'; the user's orders are listed by get_user_details");
    }

    ObjectNode product(String productId) {
        return record("products", productId, "product", "list_all_product_types gives every product's id");
    }

    ObjectNode owner(ObjectNode order) {
        return user(order.path("user_id").asText());
    }

    /** One of the user's payment methods: refunds and charges may only go to a method the user owns. */
    ObjectNode paymentMethod(ObjectNode user, String paymentMethodId) {
        JsonNode method = user.path("payment_methods").path(paymentMethodId);
        if (!method.isObject()) {
            List<String> owned = new ArrayList<>();
            user.path("payment_methods").fieldNames().forEachRemaining(owned::add);
            throw new ToolException("payment method '" + paymentMethodId + "' is not one of user "
                    + user.path("user_id").asText() + "'s payment methods: " + String.join(", ", owned));
        }
        return (ObjectNode) method;
    }

    static boolean isGiftCard(JsonNode paymentMethod) {
        return paymentMethod.path("source").asText().equals("gift_card");
    }

    /** Refuses a charge that a gift card cannot cover; other payment methods have no limit here. */
    static void requireFunds(JsonNode paymentMethod, BigDecimal charge) {
        if (isGiftCard(paymentMethod) && charge.compareTo(Money.of(paymentMethod.path("balance"))) > 0) {
            throw new ToolException("gift card " + paymentMethod.path("id").asText() + " has a balance of "
                    + Money.of(paymentMethod.path("balance")) + ", not enough for " + charge
                    + "; choose another payment method");
        }
    }

    /** Takes {@code amount} off a gift card's balance (a negative amount tops it up); other methods keep no balance. */
    static void debit(ObjectNode paymentMethod, BigDecimal amount) {
        if (isGiftCard(paymentMethod)) {
            paymentMethod.set("balance", Money.node(Money.of(paymentMethod.path("balance")).subtract(amount)));
        }
    }

    static void recordTransaction(ObjectNode order, String type, BigDecimal amount, String paymentMethodId) {
        ((ArrayNode) order.path("payment_history")).addObject()
                .put("transaction_type", type)
                .<ObjectNode>set("amount", Money.node(amount))
                .put("payment_method_id", paymentMethodId);
    }

    /** What the order has paid, net of refunds, per payment method in the order they were first used. */
    static Map<String, BigDecimal> netPaid(ObjectNode order) {
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        for (JsonNode transaction : order.path("payment_history")) {
            BigDecimal amount = Money.of(transaction.path("amount"));
            BigDecimal signed = transaction.path("transaction_type").asText().equals("refund") ? amount.negate() : amount;
            paid.merge(transaction.path("payment_method_id").asText(), signed, BigDecimal::add);
        }
        return paid;
    }

    /**
     * Refuses to {@code action} an order whose status is not {@code required}, saying why: an order
     * whose items were modified is still on its way but may not be changed again.
     */
    static void requireStatus(ObjectNode order, String required, String action) {
        String status = order.path("status").asText();
        if (!status.equals(required)) {
            throw new ToolException("order " + order.path("order_id").asText() + " is " + status + "; only "
                    + required + " orders can be " + action
                    + (status.equals(ITEMS_MODIFIED) ? " (an order whose items were modified cannot be changed again)" : ""));
        }
    }

    /** An address from a tool's six address arguments; only the second line may be empty. */
    static ObjectNode address(ObjectNode into, Options arguments) {
        for (String field : List.of("address1", "city", "state", "country", "zip")) {
            if (arguments.string(field).isBlank()) {
                throw new ToolException(field + " must not be empty");
            }
        }
        for (String field : List.of("address1", "address2", "city", "country", "state", "zip")) {
            into.put(field, arguments.string(field).strip());
        }
        return into;
    }

    private ObjectNode record(String table, String id, String kind, String hint) {
        JsonNode record = state.path(table).path(id);
        if (!record.isObject()) {
            throw new ToolException("no " + kind + " with id '" + id + "'; " + hint);
        }
        return (ObjectNode) record;
    }
}
