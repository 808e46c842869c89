package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tau.retail.RetailTool.Behaviour;
import io.assay.tools.ToolException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tools that take a list of an order's items: swapping items of a pending order for other
 * variants of the same products, and asking to exchange or return items of a delivered one. Lists
 * may repeat an item as often as the order holds it; each old item pairs with the new item at the
 * same position.
 */
final class ItemTools {

    private ItemTools() {
    }

    static List<Behaviour> all() {
        return List.of(
                Behaviour.writing("exchange_delivered_order_items", ItemTools::exchange),
                Behaviour.writing("modify_pending_order_items", ItemTools::modify),
                Behaviour.writing("return_delivered_order_items", ItemTools::giveBack));
    }

    private static JsonNode exchange(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        if (!order.path("status").asText().equals("delivered")) {
            throw shop.refusal("non-delivered order cannot be exchanged", "Non-delivered order cannot be exchanged");
        }
        List<String> itemIds = arguments.strings("item_ids");
        List<String> newItemIds = arguments.strings("new_item_ids");
        for (String itemId : itemIds) {
            if (!enoughInOrder(order, itemIds, itemId)) {
                throw shop.refusal(itemId + " not found", "Number of " + itemId + " not found.");
            }
        }
        if (itemIds.size() != newItemIds.size()) {
            throw shop.refusal("the number of items to be exchanged should match",
                    "The number of items to be exchanged should match.");
        }
        Swap swap = swap(shop, order, itemIds, newItemIds, false);
        JsonNode difference = PyNumbers.round2(swap.difference());
        String paymentMethodId = arguments.string("payment_method_id");
        ObjectNode method = shop.paymentMethod(order, paymentMethodId);
        if (Shop.isGiftCard(method) && method.get("balance").doubleValue() < difference.doubleValue()) {
            throw shop.refusal("insufficient gift card balance to pay for the price difference",
                    "Insufficient gift card balance to pay for the price difference");
        }
        order.put("status", "exchange requested");
        order.set("exchange_items", sorted(order, itemIds));
        order.set("exchange_new_items", sorted(order, newItemIds));
        order.put("exchange_payment_method_id", paymentMethodId);
        order.set("exchange_price_difference", difference);
        return order.deepCopy();
    }

    /**
     * The price difference is recorded unrounded, as upstream does (a float sum such as
     * {@code 2.8399999999999963}); only the gift card balance is rounded. tau2 gives every swapped
     * item the price and options of the last new item in the list, an upstream quirk kept so that
     * states match tau2's; tau-bench gives each its own.
     */
    private static JsonNode modify(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        if (!order.path("status").asText().equals("pending")) {
            throw shop.refusal("non-pending order cannot be modified", "Non-pending order cannot be modified");
        }
        List<String> itemIds = arguments.strings("item_ids");
        List<String> newItemIds = arguments.strings("new_item_ids");
        for (String itemId : itemIds) {
            if (!enoughInOrder(order, itemIds, itemId)) {
                throw shop.refusal(itemId + " not found", itemId + " not found");
            }
        }
        if (itemIds.size() != newItemIds.size()) {
            throw shop.refusal("the number of items to be exchanged should match",
                    "The number of items to be exchanged should match");
        }
        Swap swap = swap(shop, order, itemIds, newItemIds, shop.tau2());
        String paymentMethodId = arguments.string("payment_method_id");
        ObjectNode method = shop.paymentMethod(order, paymentMethodId);
        double difference = swap.difference().doubleValue();
        if (Shop.isGiftCard(method) && method.get("balance").doubleValue() < difference) {
            throw shop.refusal("insufficient gift card balance to pay for the new item",
                    "Insufficient gift card balance to pay for the new item");
        }
        ((ArrayNode) order.get("payment_history")).add(OrderTools.transaction(shop,
                difference > 0 ? "payment" : "refund", PyNumbers.abs(swap.difference()), paymentMethodId));
        if (Shop.isGiftCard(method)) {
            method.set("balance", PyNumbers.round2(PyNumbers.subtract(method.get("balance"), swap.difference())));
        }
        for (int i = 0; i < itemIds.size(); i++) {
            ObjectNode item = firstItem(order, itemIds.get(i));
            JsonNode variant = shop.tau2() ? swap.variants().getLast() : swap.variants().get(i);
            item.put("item_id", newItemIds.get(i));
            item.set("price", variant.get("price").deepCopy());
            item.set("options", variant.get("options").deepCopy());
        }
        order.put("status", "pending (item modified)");
        return order.deepCopy();
    }

    private static JsonNode giveBack(Shop shop, Options arguments) {
        ObjectNode order = shop.order(arguments.string("order_id"));
        if (!order.path("status").asText().equals("delivered")) {
            throw shop.refusal("non-delivered order cannot be returned", "Non-delivered order cannot be returned");
        }
        String paymentMethodId = arguments.string("payment_method_id");
        ObjectNode method = shop.paymentMethod(order, paymentMethodId);
        String original = order.path("payment_history").path(0).path("payment_method_id").asText();
        if (!Shop.isGiftCard(method) && !paymentMethodId.equals(original)) {
            throw shop.refusal("payment method should be either the original payment method or a gift card",
                    "Payment method should be the original payment method");
        }
        List<String> itemIds = arguments.strings("item_ids");
        for (String itemId : itemIds) {
            if (!enoughInOrder(order, itemIds, itemId)) {
                throw shop.refusal("some item not found", "Some item not found");
            }
        }
        order.put("status", "return requested");
        order.set("return_items", sorted(order, itemIds));
        order.put("return_payment_method_id", paymentMethodId);
        return order.deepCopy();
    }

    /** The new variants, in the lists' order, and the price difference summed as upstream sums it (from int 0). */
    private record Swap(List<JsonNode> variants, JsonNode difference) {
    }

    /** tau2's modify refuses swapping an item for itself; its exchange and tau-bench allow it. */
    private static Swap swap(Shop shop, ObjectNode order, List<String> itemIds, List<String> newItemIds,
                             boolean refuseSameItem) {
        List<JsonNode> variants = new ArrayList<>();
        JsonNode difference = IntNode.valueOf(0);
        for (int i = 0; i < itemIds.size(); i++) {
            String newItemId = newItemIds.get(i);
            if (refuseSameItem && itemIds.get(i).equals(newItemId)) {
                throw new ToolException("The new item id should be different from the old item id");
            }
            ObjectNode item = firstItem(order, itemIds.get(i));
            JsonNode variant = newVariant(shop, item.path("product_id").asText(), newItemId);
            variants.add(variant);
            difference = PyNumbers.add(difference, PyNumbers.subtract(variant.get("price"), item.get("price")));
        }
        return new Swap(variants, difference);
    }

    /** tau2 names a missing variant and an unavailable one apart; tau-bench gives one answer for both. */
    private static JsonNode newVariant(Shop shop, String productId, String newItemId) {
        JsonNode variant = shop.product(productId).path("variants").path(newItemId);
        if (!variant.isObject() && shop.tau2()) {
            throw new ToolException("Variant not found");
        }
        if (!variant.path("available").asBoolean(false)) {
            throw shop.refusal("new item " + newItemId + " not found or available",
                    "New item " + newItemId + " not found or available");
        }
        return variant;
    }

    /** Whether the order holds the item at least as often as the list names it. */
    private static boolean enoughInOrder(JsonNode order, List<String> itemIds, String itemId) {
        long wanted = itemIds.stream().filter(itemId::equals).count();
        long held = order.path("items").valueStream().filter(item -> item.path("item_id").asText().equals(itemId)).count();
        return wanted <= held;
    }

    /** The first of the order's items with this id (the lists' counts were checked, so there is one). */
    private static ObjectNode firstItem(JsonNode order, String itemId) {
        return (ObjectNode) order.path("items").valueStream()
                .filter(item -> item.path("item_id").asText().equals(itemId))
                .findFirst().orElseThrow();
    }

    private static ArrayNode sorted(ObjectNode order, List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        ArrayNode array = order.arrayNode();
        copy.forEach(array::add);
        return array;
    }
}
