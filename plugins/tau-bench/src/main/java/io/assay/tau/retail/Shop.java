package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tau.DomainState;
import io.assay.tau.TauVersion;
import java.util.List;

/**
 * A trial's retail state, {@code {products, users, orders}} keyed by id, with the look-ups every
 * tool starts with. The two benchmarks word their refusals differently (tau-bench returns
 * {@code "Error: order not found"}, tau2-bench raises {@code ValueError("Order not found")}), so
 * each refusal names both texts and the version picks one; the toolkit marks it as an error.
 */
final class Shop extends DomainState {
    private static final List<String> TAU1_ADDRESS = List.of("address1", "address2", "city", "state", "country", "zip");

    Shop(ObjectNode state, TauVersion version) {
        super(state, version);
    }

    ObjectNode order(String orderId) {
        return record("orders", orderId, refusal("order not found", "Order not found"));
    }

    ObjectNode user(String userId) {
        return record("users", userId, refusal("user not found", "User not found"));
    }

    ObjectNode product(String productId) {
        return record("products", productId, refusal("product not found", "Product not found"));
    }

    /** One of the order owner's payment methods. */
    ObjectNode paymentMethod(JsonNode order, String paymentMethodId) {
        JsonNode method = user(order.path("user_id").asText()).path("payment_methods").path(paymentMethodId);
        if (!method.isObject()) {
            throw refusal("payment method not found", "Payment method not found");
        }
        return (ObjectNode) method;
    }

    /**
     * tau2 tests the model class and tau-bench the source field or the id's prefix; in the published
     * data every id starts with its source, so the source field answers for both.
     */
    static boolean isGiftCard(JsonNode paymentMethod) {
        return paymentMethod.path("source").asText().equals("gift_card");
    }

    /** A new address from the arguments, in the key order the version writes it (tau2's model puts country before state). */
    ObjectNode address(Options arguments) {
        ObjectNode address = objectNode();
        for (String field : tau2() ? Tau2Records.ADDRESS : TAU1_ADDRESS) {
            address.put(field, arguments.string(field));
        }
        return address;
    }
}
