package io.assay.tau.retail;

import static io.assay.tau.ToolArguments.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.spi.ToolResult;
import io.assay.tau.TauVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exchanging and returning items of a delivered order, and changing a user's address, on the published data. */
class TestDeliveredOrderTools {
    /** Delivered, paid by credit_card_5869505; the user also has gift_card_6023546 (balance 36.0). */
    private static final String DELIVERED = "#W3113816";
    private static final String PENDING = "#W8367380";

    @Test
    void anExchangeIsRequestedOnceWithTheRoundedDifferenceAndSortedItems() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        JsonNode order = trial.json("exchange_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("4422467033", "2206116040"), "new_item_ids", List.of("6130713659", "7811981098"),
                "payment_method_id", "gift_card_6023546"));

        assertThat(order.get("status").asText()).isEqualTo("exchange requested");
        assertThat(order.get("exchange_items").toString()).isEqualTo("[\"2206116040\",\"4422467033\"]");
        assertThat(order.get("exchange_new_items").toString()).isEqualTo("[\"6130713659\",\"7811981098\"]");
        // (483.66 - 483.47) + (213.86 - 209.91) = 4.14, rounded to cents as upstream rounds it.
        assertThat(order.get("exchange_price_difference").toString()).isEqualTo("4.14");
        assertThat(trial.state().at("/users/emma_santos_9753/payment_methods/gift_card_6023546/balance").toString())
                .isEqualTo("36.0");
        assertThat(trial.call("exchange_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("4422467033"), "new_item_ids", List.of("6130713659"),
                "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("Non-delivered order cannot be exchanged"));
    }

    @Test
    void exchangesAreRefusedWithEachVersionsWords() {
        RetailFixture.Trial tau2 = RetailFixture.trial(TauVersion.TAU2);
        RetailFixture.Trial tau1 = RetailFixture.trial(TauVersion.TAU1);

        assertThat(tau2.call("exchange_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("4422467033", "4422467033"), "new_item_ids", List.of("6130713659", "6130713659"),
                "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("Number of 4422467033 not found."));
        assertThat(tau1.call("exchange_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("4422467033", "4422467033"), "new_item_ids", List.of("6130713659", "6130713659"),
                "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("4422467033 not found"));
        assertThat(tau2.call("exchange_delivered_order_items", args("order_id", PENDING,
                "item_ids", List.of(), "new_item_ids", List.of(), "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("Non-delivered order cannot be exchanged"));
        assertThat(tau2.call("exchange_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("4843487907"), "new_item_ids", List.of("6439196450"),
                "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("New item 6439196450 not found or available"));
    }

    @Test
    void aReturnGoesToTheOriginalMethodOrAGiftCard() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        JsonNode order = trial.json("return_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("6243148452", "2206116040"), "payment_method_id", "gift_card_6023546"));

        assertThat(order.get("status").asText()).isEqualTo("return requested");
        assertThat(order.get("return_items").toString()).isEqualTo("[\"2206116040\",\"6243148452\"]");
        assertThat(order.get("return_payment_method_id").asText()).isEqualTo("gift_card_6023546");
        assertThat(trial.call("return_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("6243148452"), "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("Non-delivered order cannot be returned"));
    }

    @Test
    void returnsAreRefusedWithEachVersionsWords() {
        RetailFixture.Trial tau2 = RetailFixture.trial(TauVersion.TAU2);
        RetailFixture.Trial tau1 = RetailFixture.trial(TauVersion.TAU1);

        assertThat(tau2.call("return_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("6243148452", "6243148452"), "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("Some item not found"));
        assertThat(tau1.call("return_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("6243148452", "6243148452"), "payment_method_id", "credit_card_5869505")))
                .isEqualTo(ToolResult.error("some item not found"));
        assertThat(tau2.call("return_delivered_order_items", args("order_id", DELIVERED,
                "item_ids", List.of("6243148452"), "payment_method_id", "credit_card_0000000")))
                .isEqualTo(ToolResult.error("Payment method not found"));
        // #W9077205 was paid with a gift card; its owner's PayPal is neither that method nor a gift card.
        assertThat(tau2.call("return_delivered_order_items", args("order_id", "#W9077205",
                "item_ids", List.of("9370300555"), "payment_method_id", "paypal_4101143")))
                .isEqualTo(ToolResult.error("Payment method should be the original payment method"));
        assertThat(tau1.call("return_delivered_order_items", args("order_id", "#W9077205",
                "item_ids", List.of("9370300555"), "payment_method_id", "paypal_4101143")))
                .isEqualTo(ToolResult.error("payment method should be either the original payment method or a gift card"));
    }

    @Test
    void aUsersDefaultAddressChanges() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        JsonNode user = trial.json("modify_user_address", args("user_id", "emma_santos_9753", "address1", "1 Main St",
                "address2", "Apt 2", "city", "Austin", "state", "TX", "country", "USA", "zip", "78701"));

        assertThat(user.at("/address/address2").asText()).isEqualTo("Apt 2");
        assertThat(trial.state().at("/users/emma_santos_9753/address/zip").asText()).isEqualTo("78701");
        assertThat(trial.call("modify_user_address", args("user_id", "nobody", "address1", "", "address2", "",
                "city", "", "state", "", "country", "", "zip", ""))).isEqualTo(ToolResult.error("User not found"));
    }
}
