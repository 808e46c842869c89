package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading an order, and the changes a pending order allows besides its items: cancel, address, payment. */
final class OrderTools {
    static final List<String> CANCEL_REASONS = List.of("no longer needed", "ordered by mistake");

    private OrderTools() {
    }

    static List<RetailTool> all() {
        return List.of(
                RetailTool.reading("get_order_details",
                        "Gets an order's status, address, items, fulfillments (tracking ids) and payment history.",
                        new Parameters().text("order_id", "The order's id, such as '#W0000000', with the '#'."),
                        (shop, arguments) -> shop.order(arguments.string("order_id")).deepCopy()),
                RetailTool.writing("cancel_pending_order",
                        "Cancels a pending order and refunds every payment to the method it came from (gift "
                                + "cards at once, other methods in 5 to 7 business days). Confirm the order and the "
                                + "reason with the user before calling.",
                        new Parameters().text("order_id", "The order's id, such as '#W0000000', with the '#'.")
                                .choice("reason", "Why the user cancels.", CANCEL_REASONS),
                        OrderTools::cancel),
                RetailTool.writing("modify_pending_order_address",
                        "Changes the shipping address of a pending order. Confirm the new address with the user "
                                + "before calling.",
                        new Parameters().text("order_id", "The order's id, such as '#W0000000', with the '#'.")
                                .address(),
                        (shop, arguments) -> {
                            ObjectNode order = shop.order(arguments.string("order_id"));
                            Shop.requireStatus(order, Shop.PENDING, "modified");
                            order.set("address", Shop.address(order.objectNode(), arguments));
                            return order.deepCopy();
                        }),
                RetailTool.writing("modify_pending_order_payment",
                        "Pays a pending order with another of the user's payment methods: the new method is "
                                + "charged and the old one refunded. A gift card must cover the whole amount. "
                                + "Confirm with the user before calling.",
                        new Parameters().text("order_id", "The order's id, such as '#W0000000', with the '#'.")
                                .text("payment_method_id", "The new payment method's id, such as 'gift_card_0000000' "
                                        + "or 'credit_card_0000000', from the user's details."),
                        OrderTools::changePayment));
    }

    private static JsonNode cancel(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        String reason = arguments.string("reason");
        if (!CANCEL_REASONS.contains(reason)) {
            throw new ToolException("reason must be 'no longer needed' or 'ordered by mistake', got '" + reason + "'");
        }
        Shop.requireStatus(order, Shop.PENDING, "cancelled");
        ObjectNode user = shop.owner(order);
        Map<String, BigDecimal> paid = Shop.netPaid(order);
        // Every refund's target is looked up before any refund is made, so a refusal changes nothing.
        for (String methodId : paid.keySet()) {
            shop.paymentMethod(user, methodId);
        }
        paid.forEach((methodId, amount) -> {
            if (amount.signum() > 0) {
                Shop.recordTransaction(order, "refund", amount, methodId);
                Shop.debit(shop.paymentMethod(user, methodId), amount.negate());
            }
        });
        order.put("status", "cancelled");
        order.put("cancel_reason", reason);
        return order.deepCopy();
    }

    private static JsonNode changePayment(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        Shop.requireStatus(order, Shop.PENDING, "modified");
        JsonNode history = order.path("payment_history");
        if (history.size() != 1 || !history.path(0).path("transaction_type").asText().equals("payment")) {
            throw new ToolException("order " + order.path("order_id").asText() + " has " + history.size()
                    + " transactions; only an order paid once, with nothing refunded, can change its payment method");
        }
        ObjectNode user = shop.owner(order);
        String oldId = history.path(0).path("payment_method_id").asText();
        String newId = arguments.string("payment_method_id");
        ObjectNode newMethod = shop.paymentMethod(user, newId);
        if (newId.equals(oldId)) {
            throw new ToolException("order " + order.path("order_id").asText() + " is already paid with " + oldId
                    + "; choose a different payment method");
        }
        BigDecimal amount = Money.of(history.path(0).path("amount"));
        Shop.requireFunds(newMethod, amount);
        ObjectNode oldMethod = shop.paymentMethod(user, oldId);
        Shop.recordTransaction(order, "payment", amount, newId);
        Shop.recordTransaction(order, "refund", amount, oldId);
        Shop.debit(newMethod, amount);
        Shop.debit(oldMethod, amount.negate());
        return order.deepCopy();
    }
}
