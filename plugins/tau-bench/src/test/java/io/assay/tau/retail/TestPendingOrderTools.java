package io.assay.tau.retail;

import static io.assay.tau.ToolArguments.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.spi.ToolResult;
import io.assay.tau.TauVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cancelling a pending order and changing its address, payment method and items, on the published data. */
class TestPendingOrderTools {
    /** Pending, paid 4079.45 with gift card gift_card_7219486 (balance 49.0); the user also has credit_card_9789590. */
    private static final String GIFT_PAID = "#W6779827";
    /** Pending, paid 1003.22 by credit_card_5683823; the user also has gift_card_1994993 (balance 78.0). */
    private static final String CARD_PAID = "#W8367380";
    private static final String PROCESSED = "#W2611340";
    private static final Map<String, Object> NEW_ADDRESS = args("address1", "1 Main St", "address2", "",
            "city", "Austin", "state", "TX", "country", "USA", "zip", "78701");

    private static Map<String, Object> withOrder(String orderId, Map<String, Object> arguments) {
        Map<String, Object> all = args("order_id", orderId);
        all.putAll(arguments);
        return all;
    }

    @Test
    void cancellingRefundsEveryPaymentAndAGiftCardAtOnce() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        JsonNode order = trial.json("cancel_pending_order", args("order_id", GIFT_PAID, "reason", "no longer needed"));

        assertThat(order.get("status").asText()).isEqualTo("cancelled");
        assertThat(order.get("cancel_reason").asText()).isEqualTo("no longer needed");
        assertThat(order.at("/payment_history/1").toString())
                .isEqualTo("{\"transaction_type\":\"refund\",\"amount\":4079.45,\"payment_method_id\":\"gift_card_7219486\"}");
        assertThat(trial.state().at("/users/ethan_lopez_6291/payment_methods/gift_card_7219486/balance").decimalValue())
                .isEqualByComparingTo("4128.45");
    }

    @Test
    void tau1RefundsOntoAnIntegerBalanceGiveAFloatAsPythonDoes() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU1);

        trial.json("cancel_pending_order", args("order_id", GIFT_PAID, "reason", "ordered by mistake"));

        assertThat(trial.state().at("/users/ethan_lopez_6291/payment_methods/gift_card_7219486/balance").toString())
                .isEqualTo("4128.45");
        assertThat(trial.state().at("/orders/" + GIFT_PAID.replace("/", "~1")).fieldNames()).toIterable()
                .endsWith("cancel_reason");
    }

    @Test
    void onlyAPendingOrderWithAValidReasonCanBeCancelled() {
        RetailFixture.Trial tau2 = RetailFixture.trial(TauVersion.TAU2);
        RetailFixture.Trial tau1 = RetailFixture.trial(TauVersion.TAU1);

        assertThat(tau2.call("cancel_pending_order", args("order_id", PROCESSED, "reason", "no longer needed")))
                .isEqualTo(ToolResult.error("Non-pending order cannot be cancelled"));
        assertThat(tau1.call("cancel_pending_order", args("order_id", PROCESSED, "reason", "no longer needed")))
                .isEqualTo(ToolResult.error("non-pending order cannot be cancelled"));
        assertThat(tau2.call("cancel_pending_order", args("order_id", GIFT_PAID, "reason", "too expensive")))
                .isEqualTo(ToolResult.error("Invalid reason"));
        assertThat(tau2.call("cancel_pending_order", args("order_id", "W6779827", "reason", "no longer needed")))
                .isEqualTo(ToolResult.error("Order not found"));
        // tau1's schema lists the reasons, so the toolkit refuses another before the tool runs.
        assertThat(tau1.call("cancel_pending_order", args("order_id", GIFT_PAID, "reason", "too expensive")).content())
                .startsWith("invalid arguments for cancel_pending_order: reason must be one of");
    }

    @Test
    void theNewAddressIsWrittenInEachVersionsKeyOrder() {
        JsonNode tau2 = RetailFixture.trial(TauVersion.TAU2).json("modify_pending_order_address",
                withOrder(CARD_PAID, NEW_ADDRESS)).get("address");
        JsonNode tau1 = RetailFixture.trial(TauVersion.TAU1).json("modify_pending_order_address",
                withOrder(CARD_PAID, NEW_ADDRESS)).get("address");

        assertThat(tau2.fieldNames()).toIterable().containsExactly("address1", "address2", "city", "country", "state", "zip");
        assertThat(tau1.fieldNames()).toIterable().containsExactly("address1", "address2", "city", "state", "country", "zip");
        assertThat(tau2.get("city").asText()).isEqualTo("Austin");
    }

    @Test
    void tau2ChangesTheAddressOfAnOrderWhoseItemsWereModifiedAndTau1DoesNot() {
        Map<String, Object> swap = args("order_id", CARD_PAID, "item_ids", List.of("2444431651"),
                "new_item_ids", List.of("3333391894"), "payment_method_id", "credit_card_5683823");
        RetailFixture.Trial tau2 = RetailFixture.trial(TauVersion.TAU2);
        RetailFixture.Trial tau1 = RetailFixture.trial(TauVersion.TAU1);
        tau2.json("modify_pending_order_items", swap);
        tau1.json("modify_pending_order_items", swap);

        assertThat(tau2.call("modify_pending_order_address", withOrder(CARD_PAID, NEW_ADDRESS)).error()).isFalse();
        assertThat(tau1.call("modify_pending_order_address", withOrder(CARD_PAID, NEW_ADDRESS)))
                .isEqualTo(ToolResult.error("non-pending order cannot be modified"));
    }

    @Test
    void changingThePaymentChargesTheNewMethodAndRefundsTheOld() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        JsonNode order = trial.json("modify_pending_order_payment",
                args("order_id", GIFT_PAID, "payment_method_id", "credit_card_9789590"));

        assertThat(order.get("payment_history")).extracting(JsonNode::toString).containsExactly(
                "{\"transaction_type\":\"payment\",\"amount\":4079.45,\"payment_method_id\":\"gift_card_7219486\"}",
                "{\"transaction_type\":\"payment\",\"amount\":4079.45,\"payment_method_id\":\"credit_card_9789590\"}",
                "{\"transaction_type\":\"refund\",\"amount\":4079.45,\"payment_method_id\":\"gift_card_7219486\"}");
        assertThat(trial.state().at("/users/ethan_lopez_6291/payment_methods/gift_card_7219486/balance").decimalValue())
                .isEqualByComparingTo("4128.45");
        assertThat(trial.call("modify_pending_order_payment",
                args("order_id", GIFT_PAID, "payment_method_id", "gift_card_7219486")))
                .isEqualTo(ToolResult.error("There should be exactly one payment for a pending order"));
    }

    @Test
    void aPaymentChangeNeedsAnotherMethodOfTheUserThatCanPay() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        assertThat(trial.call("modify_pending_order_payment", args("order_id", CARD_PAID, "payment_method_id", "credit_card_5683823")))
                .isEqualTo(ToolResult.error("The new payment method should be different from the current one"));
        assertThat(trial.call("modify_pending_order_payment", args("order_id", CARD_PAID, "payment_method_id", "gift_card_1994993")))
                .isEqualTo(ToolResult.error("Insufficient gift card balance to pay for the order"));
        assertThat(trial.call("modify_pending_order_payment", args("order_id", CARD_PAID, "payment_method_id", "gift_card_7219486")))
                .isEqualTo(ToolResult.error("Payment method not found"));
        assertThat(trial.call("modify_pending_order_payment", args("order_id", PROCESSED, "payment_method_id", "gift_card_1994993")))
                .isEqualTo(ToolResult.error("Non-pending order cannot be modified"));
    }

    @Test
    void modifiedItemsRecordTheUnroundedPriceDifferenceAsUpstreamsFloats() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        // (534.14 - 534.84) + (321.18 - 315.2) in doubles is 5.279999999999973, which upstream stores as it is.
        JsonNode order = trial.json("modify_pending_order_items", args("order_id", CARD_PAID,
                "item_ids", List.of("2444431651", "1689914594"), "new_item_ids", List.of("3333391894", "7751905257"),
                "payment_method_id", "gift_card_1994993"));

        assertThat(order.at("/payment_history/1").toString()).isEqualTo(
                "{\"transaction_type\":\"payment\",\"amount\":5.279999999999973,\"payment_method_id\":\"gift_card_1994993\"}");
        assertThat(order.get("status").asText()).isEqualTo("pending (item modified)");
        assertThat(trial.state().at("/users/ava_nguyen_6646/payment_methods/gift_card_1994993/balance").toString())
                .isEqualTo("72.72");
    }

    @Test
    void tau2GivesEverySwappedItemTheLastNewItemsPriceAndTau1EachItsOwn() {
        Map<String, Object> swap = args("order_id", CARD_PAID, "item_ids", List.of("2444431651", "1689914594"),
                "new_item_ids", List.of("3333391894", "7751905257"), "payment_method_id", "credit_card_5683823");

        JsonNode tau2 = RetailFixture.trial(TauVersion.TAU2).json("modify_pending_order_items", swap).get("items");
        JsonNode tau1 = RetailFixture.trial(TauVersion.TAU1).json("modify_pending_order_items", swap).get("items");

        assertThat(tau2.get(0).get("item_id").asText()).isEqualTo("3333391894");
        assertThat(tau2.get(0).get("price").decimalValue()).isEqualByComparingTo("321.18");
        assertThat(tau2.get(0).get("options")).isEqualTo(tau2.get(1).get("options"));
        assertThat(tau1.get(0).get("price").decimalValue()).isEqualByComparingTo("534.14");
        assertThat(tau1.get(1).get("price").decimalValue()).isEqualByComparingTo("321.18");
    }

    @Test
    void itemSwapsAreRefusedWithUpstreamsReasons() {
        RetailFixture.Trial tau2 = RetailFixture.trial(TauVersion.TAU2);
        RetailFixture.Trial tau1 = RetailFixture.trial(TauVersion.TAU1);
        Map<String, Object> unavailable = args("order_id", CARD_PAID, "item_ids", List.of("2444431651"),
                "new_item_ids", List.of("8140269513"), "payment_method_id", "credit_card_5683823");
        Map<String, Object> same = args("order_id", CARD_PAID, "item_ids", List.of("2444431651"),
                "new_item_ids", List.of("2444431651"), "payment_method_id", "credit_card_5683823");
        Map<String, Object> twice = args("order_id", CARD_PAID, "item_ids", List.of("2444431651", "2444431651"),
                "new_item_ids", List.of("3333391894", "3333391894"), "payment_method_id", "credit_card_5683823");
        Map<String, Object> uneven = args("order_id", CARD_PAID, "item_ids", List.of("2444431651"),
                "new_item_ids", List.of(), "payment_method_id", "credit_card_5683823");
        Map<String, Object> otherProduct = args("order_id", CARD_PAID, "item_ids", List.of("2444431651"),
                "new_item_ids", List.of("7751905257"), "payment_method_id", "credit_card_5683823");

        assertThat(tau2.call("modify_pending_order_items", unavailable))
                .isEqualTo(ToolResult.error("New item 8140269513 not found or available"));
        assertThat(tau1.call("modify_pending_order_items", unavailable))
                .isEqualTo(ToolResult.error("new item 8140269513 not found or available"));
        assertThat(tau2.call("modify_pending_order_items", same))
                .isEqualTo(ToolResult.error("The new item id should be different from the old item id"));
        assertThat(tau1.call("modify_pending_order_items", same).error()).isFalse();
        assertThat(tau2.call("modify_pending_order_items", twice)).isEqualTo(ToolResult.error("2444431651 not found"));
        assertThat(tau2.call("modify_pending_order_items", uneven))
                .isEqualTo(ToolResult.error("The number of items to be exchanged should match"));
        assertThat(tau2.call("modify_pending_order_items", otherProduct)).isEqualTo(ToolResult.error("Variant not found"));
        assertThat(tau2.state().at("/orders/" + CARD_PAID + "/status").asText()).isEqualTo("pending");
    }

    @Test
    void aGiftCardMustCoverTheDifferenceOfPricierItems() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);
        JsonNode before = trial.state();

        // 4422467033 (483.47) for 3877338112 (545.68) costs 62.21 more; the user's gift card holds 36.0.
        ToolResult refused = trial.call("exchange_delivered_order_items", args("order_id", "#W3113816",
                "item_ids", List.of("4422467033"), "new_item_ids", List.of("3877338112"),
                "payment_method_id", "gift_card_6023546"));

        assertThat(refused).isEqualTo(ToolResult.error("Insufficient gift card balance to pay for the price difference"));
        assertThat(trial.state()).isEqualTo(before);
    }
}
