package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked replacement of some of an order's items, each by another available variant of the same
 * product, as modifying a pending order or exchanging a delivered one needs.
 *
 * @param positions the replaced items' indexes in the order's {@code items}
 * @param replacements the new variants, one per position
 * @param priceDifference what the new variants cost more than the old ones; negative if less
 */
record ItemSwap(List<Integer> positions, List<JsonNode> replacements, BigDecimal priceDifference) {

    static ItemSwap plan(Shop shop, ObjectNode order, List<String> itemIds, List<String> newItemIds) {
        if (itemIds.size() != newItemIds.size()) {
            throw new ToolException("item_ids and new_item_ids must pair up one to one, got " + itemIds.size()
                    + " and " + newItemIds.size() + " ids");
        }
        List<Integer> positions = itemPositions(order, itemIds);
        List<JsonNode> replacements = new ArrayList<>();
        BigDecimal difference = Money.ZERO;
        for (int i = 0; i < positions.size(); i++) {
            JsonNode item = order.path("items").path(positions.get(i));
            JsonNode variant = replacement(shop, item, newItemIds.get(i));
            replacements.add(variant);
            difference = difference.add(Money.of(variant.path("price"))).subtract(Money.of(item.path("price")));
        }
        return new ItemSwap(positions, List.copyOf(replacements), difference);
    }

    /**
     * Where each named item sits in the order; an id named twice needs two such items, so two of a
     * kind can be changed separately.
     */
    static List<Integer> itemPositions(ObjectNode order, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            throw new ToolException("item_ids is empty; name at least one item of order " + order.path("order_id").asText());
        }
        JsonNode items = order.path("items");
        List<Integer> positions = new ArrayList<>();
        for (String itemId : itemIds) {
            int found = -1;
            for (int i = 0; i < items.size() && found < 0; i++) {
                if (items.path(i).path("item_id").asText().equals(itemId) && !positions.contains(i)) {
                    found = i;
                }
            }
            if (found < 0) {
                List<String> inOrder = new ArrayList<>();
                items.forEach(item -> inOrder.add(item.path("item_id").asText()));
                throw new ToolException("item " + itemId + " is not in order " + order.path("order_id").asText()
                        + (positions.isEmpty() ? "" : " as many times as named") + "; its item ids are "
                        + String.join(", ", inOrder));
            }
            positions.add(found);
        }
        return List.copyOf(positions);
    }

    /** Puts the new variants in place of the old items, keeping each item's product and name. */
    void applyTo(ObjectNode order) {
        for (int i = 0; i < positions.size(); i++) {
            ObjectNode item = (ObjectNode) order.path("items").path(positions.get(i));
            JsonNode variant = replacements.get(i);
            item.put("item_id", variant.path("item_id").asText());
            item.set("price", Money.node(Money.of(variant.path("price"))));
            item.set("options", variant.path("options").deepCopy());
        }
    }

    private static JsonNode replacement(Shop shop, JsonNode item, String newItemId) {
        String productName = item.path("name").asText();
        JsonNode variant = shop.product(item.path("product_id").asText()).path("variants").path(newItemId);
        if (!variant.isObject()) {
            throw new ToolException("item " + newItemId + " is not a variant of " + productName + " (product "
                    + item.path("product_id").asText() + "); item " + item.path("item_id").asText()
                    + " can only be swapped for another variant of the same product");
        }
        if (newItemId.equals(item.path("item_id").asText())) {
            throw new ToolException("item " + newItemId + " is the variant the order already has; choose a different "
                    + "variant of " + productName);
        }
        if (!variant.path("available").asBoolean()) {
            throw new ToolException("item " + newItemId + " (" + productName + ", " + variant.path("options")
                    + ") is not available; choose an available variant");
        }
        return variant;
    }
}
