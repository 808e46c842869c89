package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tau.retail.RetailTool.Behaviour;
import java.util.List;

/** Reading an order, and the changes to a pending one besides its items: cancel, address, payment method. */
final class OrderTools {
    private static final List<String> CANCEL_REASONS = List.of("no longer needed", "ordered by mistake");

    private OrderTools() {
    }

    static List<Behaviour> all() {
        return List.of(
                Behaviour.reading("get_order_details", (shop, arguments) -> shop.order(arguments.string("order_id")).deepCopy()),
                Behaviour.writing("cancel_pending_order", OrderTools::cancel),
                Behaviour.writing("modify_pending_order_address", (shop, arguments) -> {
                    ObjectNode order = shop.order(arguments.string("order_id"));
                    requireModifiable(shop, order);
                    order.set("address", shop.address(arguments));
                    return order.deepCopy();
                }),
                Behaviour.writing("modify_pending_order_payment", OrderTools::changePayment));
    }

    /** Every payment, refunds included, is refunded as upstream does; gift cards get it back at once. */
    private static JsonNode cancel(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        if (!order.path("status").asText().equals("pending")) {
            throw shop.refusal("non-pending order cannot be cancelled", "Non-pending order cannot be cancelled");
        }
        String reason = arguments.string("reason");
        if (!CANCEL_REASONS.contains(reason)) {
            throw shop.refusal("invalid reason", "Invalid reason");
        }
        ArrayNode history = (ArrayNode) order.get("payment_history");
        List<JsonNode> payments = history.valueStream().toList();
        for (JsonNode payment : payments) {
            String methodId = payment.path("payment_method_id").asText();
            ObjectNode method = shop.paymentMethod(order, methodId);
            if (Shop.isGiftCard(method)) {
                method.set("balance", PyNumbers.round2(PyNumbers.add(method.get("balance"), payment.get("amount"))));
            }
        }
        order.put("status", "cancelled");
        order.put("cancel_reason", reason);
        for (JsonNode payment : payments) {
            history.add(transaction(shop, "refund", payment.get("amount"), payment.path("payment_method_id").asText()));
        }
        return order.deepCopy();
    }

    private static JsonNode changePayment(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        requireModifiable(shop, order);
        String newId = arguments.string("payment_method_id");
        ObjectNode newMethod = shop.paymentMethod(order, newId);
        ArrayNode history = (ArrayNode) order.get("payment_history");
        if (history.isEmpty()) {   // tau-bench reads the first payment unchecked, so Python's IndexError is its answer
            throw shop.refusal("list index out of range", "There should be exactly one payment for a pending order");
        }
        if (history.size() > 1 || !history.get(0).path("transaction_type").asText().equals("payment")) {
            throw shop.refusal("there should be exactly one payment for a pending order",
                    "There should be exactly one payment for a pending order");
        }
        String oldId = history.get(0).path("payment_method_id").asText();
        if (oldId.equals(newId)) {
            throw shop.refusal("the new payment method should be different from the current one",
                    "The new payment method should be different from the current one");
        }
        JsonNode amount = history.get(0).get("amount");
        if (Shop.isGiftCard(newMethod) && newMethod.get("balance").doubleValue() < amount.doubleValue()) {
            throw shop.refusal("insufficient gift card balance to pay for the order",
                    "Insufficient gift card balance to pay for the order");
        }
        history.add(transaction(shop, "payment", amount, newId));
        history.add(transaction(shop, "refund", amount, oldId));
        if (Shop.isGiftCard(newMethod)) {
            newMethod.set("balance", PyNumbers.round2(PyNumbers.subtract(newMethod.get("balance"), amount)));
        }
        ObjectNode oldMethod = shop.paymentMethod(order, oldId);
        if (Shop.isGiftCard(oldMethod)) {
            oldMethod.set("balance", PyNumbers.round2(PyNumbers.add(oldMethod.get("balance"), amount)));
        }
        return order.deepCopy();
    }

    /** tau2 lets an address or payment change through any status containing "pending"; tau-bench only "pending". */
    private static void requireModifiable(Shop shop, JsonNode order) {
        String status = order.path("status").asText();
        if (shop.tau2() ? !status.contains("pending") : !status.equals("pending")) {
            throw shop.refusal("non-pending order cannot be modified", "Non-pending order cannot be modified");
        }
    }

    /** A payment-history entry; tau2's model makes the amount a float, tau-bench keeps the number as computed. */
    static ObjectNode transaction(Shop shop, String type, JsonNode amount, String paymentMethodId) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("transaction_type", type);
        entry.set("amount", shop.tau2() ? PyNumbers.asFloat(amount) : amount);
        entry.put("payment_method_id", paymentMethodId);
        return entry;
    }
}
