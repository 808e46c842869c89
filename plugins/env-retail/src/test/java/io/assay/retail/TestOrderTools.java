package io.assay.retail;

import static io.assay.retail.ShopFixture.args;
import static io.assay.retail.ShopFixture.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestOrderTools {
    private final ShopFixture shop = new ShopFixture();

    @Test
    void getsOrderDetailsAndRefusesAnIdWithoutTheHash() {
        assertThat(shop.call("get_order_details", args("order_id", "#W6700537")).path("status").asText()).isEqualTo("delivered");
        assertThat(shop.refused("get_order_details", args("order_id", "W6700537")))
                .contains("no order with id 'W6700537'", "'#W0000000'");
    }

    @Test
    void cancellingRefundsEveryPaymentAndRestoresTheGiftCard() {
        shop.call("cancel_pending_order", args("order_id", "#W4816605", "reason", "no longer needed"));

        JsonNode order = shop.order("#W4816605");
        assertThat(order.path("status").asText()).isEqualTo("cancelled");
        assertThat(order.path("cancel_reason").asText()).isEqualTo("no longer needed");
        assertThat(order.path("payment_history")).hasSize(2);
        JsonNode refund = order.path("payment_history").path(1);
        assertThat(refund.path("transaction_type").asText()).isEqualTo("refund");
        assertThat(refund.path("payment_method_id").asText()).isEqualTo("gift_card_8533495");
        assertThat(money(refund.path("amount"))).isEqualTo(new BigDecimal("268.51"));
        assertThat(money(shop.paymentMethod("daniel_cohen_4423", "gift_card_8533495").path("balance")))
                .isEqualTo(new BigDecimal("452.82"));
    }

    @Test
    void cancellingAfterAPaymentChangeRefundsOnlyWhatIsStillPaid() {
        shop.call("modify_pending_order_payment", args("order_id", "#W7979271", "payment_method_id", "paypal_3825345"));
        shop.call("cancel_pending_order", args("order_id", "#W7979271", "reason", "ordered by mistake"));

        JsonNode history = shop.order("#W7979271").path("payment_history");
        assertThat(history).hasSize(4);
        assertThat(history.path(3).path("payment_method_id").asText()).isEqualTo("paypal_3825345");
        assertThat(money(history.path(3).path("amount"))).isEqualTo(new BigDecimal("99.21"));
        assertThat(money(shop.paymentMethod("amara_okafor_2984", "gift_card_1210188").path("balance")))
                .isEqualTo(new BigDecimal("346.92"));
    }

    @Test
    void refusesToCancelAnOrderThatIsNotPending() {
        assertThat(shop.refused("cancel_pending_order", args("order_id", "#W6700537", "reason", "no longer needed")))
                .isEqualTo("order #W6700537 is delivered; only pending orders can be cancelled");
        assertThat(shop.refused("cancel_pending_order", args("order_id", "#W9554019", "reason", "no longer needed")))
                .startsWith("order #W9554019 is processed;");
        assertThat(shop.refused("cancel_pending_order", args("order_id", "#W8557875", "reason", "no longer needed")))
                .startsWith("order #W8557875 is cancelled;");
    }

    @Test
    void refusesToCancelAnOrderWhoseItemsWereModified() {
        shop.call("modify_pending_order_items", args("order_id", "#W5818754", "item_ids", List.of("9876693014"),
                "new_item_ids", List.of("5305443630"), "payment_method_id", "credit_card_2219978"));

        assertThat(shop.refused("cancel_pending_order", args("order_id", "#W5818754", "reason", "no longer needed")))
                .isEqualTo("order #W5818754 is pending (item modified); only pending orders can be cancelled "
                        + "(an order whose items were modified cannot be changed again)");
    }

    @Test
    void refusesAReasonOutsideTheTwoAllowed() {
        assertThat(shop.refused("cancel_pending_order", args("order_id", "#W3866977", "reason", "too expensive")))
                .isEqualTo("reason must be 'no longer needed' or 'ordered by mistake', got 'too expensive'");
        assertThat(shop.tool("cancel_pending_order").spec().parameters().get("properties").toString())
                .contains("enum=[no longer needed, ordered by mistake]");
    }

    @Test
    void changesAPendingOrdersShippingAddress() {
        shop.call("modify_pending_order_address", address("#W2139126"));

        assertThat(shop.order("#W2139126").path("address").path("address1").asText()).isEqualTo("350 Fifth Avenue");
        assertThat(shop.order("#W2139126").path("address").path("zip").asText()).isEqualTo("10118");
        assertThat(shop.state.path("users").path("raj_gupta_1798").path("address").path("zip").asText()).isEqualTo("10001");
    }

    @Test
    void refusesToChangeTheAddressOfAnOrderThatIsNotPending() {
        assertThat(shop.refused("modify_pending_order_address", address("#W9554019")))
                .isEqualTo("order #W9554019 is processed; only pending orders can be modified");
    }

    @Test
    void changingThePaymentChargesTheNewMethodAndRefundsTheOld() {
        shop.call("modify_pending_order_payment", args("order_id", "#W6758205", "payment_method_id", "credit_card_1932121"));

        JsonNode history = shop.order("#W6758205").path("payment_history");
        assertThat(history).hasSize(3);
        assertThat(history.path(1).toString()).isEqualTo(
                "{\"transaction_type\":\"payment\",\"amount\":351.28,\"payment_method_id\":\"credit_card_1932121\"}");
        assertThat(history.path(2).toString()).isEqualTo(
                "{\"transaction_type\":\"refund\",\"amount\":351.28,\"payment_method_id\":\"paypal_4404919\"}");
    }

    @Test
    void payingWithAGiftCardTakesTheWholeAmountFromItsBalance() {
        ((ObjectNode) shop.paymentMethod("omar_anderson_6209", "gift_card_5460687")).put("balance", new BigDecimal("400.00"));

        shop.call("modify_pending_order_payment", args("order_id", "#W6758205", "payment_method_id", "gift_card_5460687"));

        assertThat(money(shop.paymentMethod("omar_anderson_6209", "gift_card_5460687").path("balance")))
                .isEqualTo(new BigDecimal("48.72"));
    }

    @Test
    void refusesAGiftCardWithoutEnoughBalance() {
        assertThat(shop.refused("modify_pending_order_payment", args("order_id", "#W1575649", "payment_method_id", "gift_card_5460687")))
                .isEqualTo("gift card gift_card_5460687 has a balance of 88.14, not enough for 637.38; choose another payment method");
    }

    @Test
    void refusesTheSamePaymentMethodAnotherUsersMethodAndASecondChange() {
        assertThat(shop.refused("modify_pending_order_payment", args("order_id", "#W6758205", "payment_method_id", "paypal_4404919")))
                .isEqualTo("order #W6758205 is already paid with paypal_4404919; choose a different payment method");
        assertThat(shop.refused("modify_pending_order_payment", args("order_id", "#W6758205", "payment_method_id", "paypal_2577907")))
                .isEqualTo("payment method 'paypal_2577907' is not one of user omar_anderson_6209's payment methods: "
                        + "credit_card_1932121, gift_card_5460687, paypal_4404919");

        shop.call("modify_pending_order_payment", args("order_id", "#W6758205", "payment_method_id", "credit_card_1932121"));

        assertThat(shop.refused("modify_pending_order_payment", args("order_id", "#W6758205", "payment_method_id", "gift_card_5460687")))
                .startsWith("order #W6758205 has 3 transactions; only an order paid once");
    }

    private static Map<String, Object> address(String orderId) {
        return args("order_id", orderId, "address1", "350 Fifth Avenue", "address2", "Suite 4100", "city", "New York",
                "state", "NY", "country", "USA", "zip", "10118");
    }
}
