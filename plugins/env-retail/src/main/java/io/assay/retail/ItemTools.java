package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Changing an order's items: swapping variants of a pending order, and requesting the return or
 * exchange of a delivered order's items. Each can be done once per order.
 */
final class ItemTools {

    private ItemTools() {
    }

    static List<RetailTool> all() {
        return List.of(
                RetailTool.writing("modify_pending_order_items",
                        "Swaps items of a pending order for other available variants of the same products; the "
                                + "price difference is charged to or refunded to the given payment method. An order's "
                                + "items can be modified only once, so collect every change first, then confirm them "
                                + "with the user.",
                        new Parameters().text("order_id", "The order's id, such as '#W0000000', with the '#'.")
                                .texts("item_ids", "The item ids to replace, such as ['1008292230']; an id may repeat "
                                        + "if the order has that item more than once.")
                                .texts("new_item_ids", "The new item ids, one for each item in item_ids, in the same "
                                        + "order; each must be a different, available variant of the same product.")
                                .text("payment_method_id", "The payment method that pays or receives the price "
                                        + "difference, such as 'gift_card_0000000'."),
                        ItemTools::modify),
                RetailTool.writing("return_delivered_order_items",
                        "Requests the return of items of a delivered order. The refund goes to the order's original "
                                + "payment method or to one of the user's gift cards. An order can be returned or "
                                + "exchanged only once. Confirm the items and refund method with the user first.",
                        new Parameters().text("order_id", "The order's id, such as '#W0000000', with the '#'.")
                                .texts("item_ids", "The item ids to return, such as ['1008292230'].")
                                .text("payment_method_id", "Where the refund goes: the original payment method or a "
                                        + "gift card of the user."),
                        ItemTools::requestReturn),
                RetailTool.writing("exchange_delivered_order_items",
                        "Requests the exchange of items of a delivered order for other available variants of the "
                                + "same products; the price difference is charged to or refunded to the given payment "
                                + "method. An order can be returned or exchanged only once, so collect every item "
                                + "first, then confirm with the user.",
                        new Parameters().text("order_id", "The order's id, such as '#W0000000', with the '#'.")
                                .texts("item_ids", "The item ids to exchange, such as ['1008292230'].")
                                .texts("new_item_ids", "The new item ids, one for each item in item_ids, in the same "
                                        + "order; each must be a different, available variant of the same product.")
                                .text("payment_method_id", "The payment method that pays or receives the price "
                                        + "difference, such as 'gift_card_0000000'."),
                        ItemTools::requestExchange));
    }

    private static JsonNode modify(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        Shop.requireStatus(order, Shop.PENDING, "modified");
        ItemSwap swap = ItemSwap.plan(shop, order, arguments.strings("item_ids"), arguments.strings("new_item_ids"));
        String methodId = arguments.string("payment_method_id");
        ObjectNode method = shop.paymentMethod(shop.owner(order), methodId);
        BigDecimal difference = swap.priceDifference();
        Shop.requireFunds(method, difference);
        swap.applyTo(order);
        if (difference.signum() != 0) {
            Shop.recordTransaction(order, difference.signum() > 0 ? "payment" : "refund", difference.abs(), methodId);
            Shop.debit(method, difference);
        }
        order.put("status", Shop.ITEMS_MODIFIED);
        return order.deepCopy();
    }

    private static JsonNode requestReturn(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        Shop.requireStatus(order, Shop.DELIVERED, "returned");
        List<String> itemIds = arguments.strings("item_ids");
        ItemSwap.itemPositions(order, itemIds);
        String methodId = arguments.string("payment_method_id");
        ObjectNode method = shop.paymentMethod(shop.owner(order), methodId);
        String original = order.path("payment_history").path(0).path("payment_method_id").asText();
        if (!methodId.equals(original) && !Shop.isGiftCard(method)) {
            throw new ToolException("a return's refund goes to the order's original payment method (" + original
                    + ") or to one of the user's gift cards; " + methodId + " is neither");
        }
        order.put("status", "return requested");
        sortedIds(order.putArray("return_items"), itemIds);
        order.put("return_payment_method_id", methodId);
        return order.deepCopy();
    }

    private static JsonNode requestExchange(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        Shop.requireStatus(order, Shop.DELIVERED, "exchanged");
        List<String> itemIds = arguments.strings("item_ids");
        List<String> newItemIds = arguments.strings("new_item_ids");
        ItemSwap swap = ItemSwap.plan(shop, order, itemIds, newItemIds);
        String methodId = arguments.string("payment_method_id");
        ObjectNode method = shop.paymentMethod(shop.owner(order), methodId);
        Shop.requireFunds(method, swap.priceDifference());
        order.put("status", "exchange requested");
        sortedIds(order.putArray("exchange_items"), itemIds);
        sortedIds(order.putArray("exchange_new_items"), newItemIds);
        order.put("exchange_payment_method_id", methodId);
        order.set("exchange_price_difference", Money.node(swap.priceDifference()));
        return order.deepCopy();
    }

    /** Sorted, so the recorded request does not depend on the order the agent named the items in. */
    private static void sortedIds(ArrayNode into, List<String> ids) {
        ids.stream().sorted().forEach(into::add);
    }
}
