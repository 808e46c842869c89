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

class TestItemTools {
    private final ShopFixture shop = new ShopFixture();

    @Test
    void modifyingItemsSwapsVariantsAndChargesTheDifference() {
        shop.call("modify_pending_order_items", swap("#W7504963", List.of("1729321838", "3295368177"),
                List.of("7494627563", "4067815255"), "credit_card_7311767"));

        JsonNode order = shop.order("#W7504963");
        assertThat(order.path("status").asText()).isEqualTo("pending (item modified)");
        assertThat(order.path("items").path(0).path("item_id").asText()).isEqualTo("4067815255");
        assertThat(order.path("items").path(1).toString()).isEqualTo("{\"name\":\"Desk Lamp\",\"product_id\":\"4894891399\","
                + "\"item_id\":\"7494627563\",\"price\":162.66,\"options\":{\"color\":\"black\",\"brightness\":\"medium\","
                + "\"power source\":\"USB\"}}");
        assertThat(order.path("items").path(2).path("item_id").asText()).isEqualTo("9876693014");
        JsonNode charge = order.path("payment_history").path(1);
        assertThat(charge.path("transaction_type").asText()).isEqualTo("payment");
        assertThat(money(charge.path("amount"))).isEqualTo(new BigDecimal("13.10"));
    }

    @Test
    void modifyingItemsRefundsACheaperSwapOntoTheGiftCard() {
        shop.call("modify_pending_order_items", swap("#W6807429", List.of("1574083941", "9437800427"),
                List.of("4809235685", "1513498737"), "gift_card_8341820"));

        JsonNode refund = shop.order("#W6807429").path("payment_history").path(1);
        assertThat(refund.path("transaction_type").asText()).isEqualTo("refund");
        assertThat(money(refund.path("amount"))).isEqualTo(new BigDecimal("77.16"));
        assertThat(money(shop.paymentMethod("yusuf_rossi_3343", "gift_card_8341820").path("balance")))
                .isEqualTo(new BigDecimal("145.93"));
    }

    @Test
    void anItemNamedTwiceNeedsTwoSuchItemsInTheOrder() {
        assertThat(shop.refused("modify_pending_order_items", swap("#W6807429", List.of("1574083941", "1574083941"),
                List.of("4809235685", "4809235685"), "paypal_9807204")))
                .isEqualTo("item 1574083941 is not in order #W6807429 as many times as named; its item ids are "
                        + "1574083941, 8215134414, 9437800427, 7742067133");
    }

    @Test
    void twoItemsOfTheSameProductCanEachBeSwapped() {
        shop.call("modify_pending_order_items", swap("#W6807429", List.of("1574083941", "7742067133"),
                List.of("7742067133", "1574083941"), "paypal_9807204"));

        JsonNode items = shop.order("#W6807429").path("items");
        assertThat(items.path(0).path("item_id").asText()).isEqualTo("7742067133");
        assertThat(items.path(3).path("item_id").asText()).isEqualTo("1574083941");
        assertThat(shop.order("#W6807429").path("payment_history")).hasSize(1);
    }

    @Test
    void refusesASecondModificationOfTheSameOrder() {
        shop.call("modify_pending_order_items", swap("#W5818754", List.of("9876693014"), List.of("5305443630"), "credit_card_2219978"));

        assertThat(shop.refused("modify_pending_order_items",
                swap("#W5818754", List.of("7991809093"), List.of("9921700891"), "credit_card_2219978")))
                .isEqualTo("order #W5818754 is pending (item modified); only pending orders can be modified "
                        + "(an order whose items were modified cannot be changed again)");
        assertThat(shop.refused("modify_pending_order_address", args("order_id", "#W5818754", "address1", "1 Main St",
                "address2", "", "city", "Portland", "state", "OR", "country", "USA", "zip", "97205")))
                .startsWith("order #W5818754 is pending (item modified);");
    }

    @Test
    void refusesToModifyItemsOfAnOrderThatIsNotPending() {
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W5181087", List.of("5459373531"), List.of("7742067133"), "gift_card_8341820")))
                .isEqualTo("order #W5181087 is delivered; only pending orders can be modified");
    }

    @Test
    void refusesAVariantOfAnotherProductTheSameVariantAndAnUnavailableOne() {
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W5818754", List.of("9876693014"), List.of("9437800427"), "credit_card_2219978")))
                .isEqualTo("item 9437800427 is not a variant of T-Shirt (product 7117612140); item 9876693014 can only be "
                        + "swapped for another variant of the same product");
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W5818754", List.of("9876693014"), List.of("9876693014"), "credit_card_2219978")))
                .isEqualTo("item 9876693014 is the variant the order already has; choose a different variant of T-Shirt");
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W3866977", List.of("8528205653", "2107627531"), List.of("4600122027", "3008107327"), "paypal_9807204")))
                .startsWith("item 3008107327 (Hiking Boots, {\"size\":\"9\"").endsWith("is not available; choose an available variant");
    }

    @Test
    void refusesUnpairedItemsAnEmptyListAndItemsNotInTheOrder() {
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W5818754", List.of("9876693014", "7991809093"), List.of("5305443630"), "credit_card_2219978")))
                .isEqualTo("item_ids and new_item_ids must pair up one to one, got 2 and 1 ids");
        assertThat(shop.refused("modify_pending_order_items", swap("#W5818754", List.of(), List.of(), "credit_card_2219978")))
                .isEqualTo("item_ids is empty; name at least one item of order #W5818754");
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W5818754", List.of("5305443630"), List.of("9876693014"), "credit_card_2219978")))
                .isEqualTo("item 5305443630 is not in order #W5818754; its item ids are 9876693014, 9437800427, 7991809093");
    }

    @Test
    void refusesAPaymentMethodOfAnotherUserAndAGiftCardThatCannotCoverTheDifference() {
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W5818754", List.of("9876693014"), List.of("5305443630"), "credit_card_7311767")))
                .startsWith("payment method 'credit_card_7311767' is not one of user lucas_moreau_6156's payment methods");
        assertThat(shop.refused("modify_pending_order_items",
                swap("#W6758205", List.of("4481309112"), List.of("6364959589"), "gift_card_5460687")))
                .isEqualTo("gift card gift_card_5460687 has a balance of 88.14, not enough for 129.06; choose another payment method");
    }

    @Test
    void returnRecordsTheRequestWithTheOriginalPaymentMethod() {
        shop.call("return_delivered_order_items", args("order_id", "#W3812723", "item_ids", List.of("4600122027", "3994804879"),
                "payment_method_id", "paypal_5536717"));

        JsonNode order = shop.order("#W3812723");
        assertThat(order.path("status").asText()).isEqualTo("return requested");
        assertThat(order.path("return_items").toString()).isEqualTo("[\"3994804879\",\"4600122027\"]");
        assertThat(order.path("return_payment_method_id").asText()).isEqualTo("paypal_5536717");
        assertThat(order.path("payment_history")).hasSize(1);
    }

    @Test
    void returnMayRefundToTheUsersGiftCardButNoOtherMethod() {
        assertThat(shop.refused("return_delivered_order_items", args("order_id", "#W9375698", "item_ids", List.of("7943178694"),
                "payment_method_id", "credit_card_2529240")))
                .isEqualTo("a return's refund goes to the order's original payment method (gift_card_2963286) or to one "
                        + "of the user's gift cards; credit_card_2529240 is neither");

        shop.call("return_delivered_order_items", args("order_id", "#W4910056", "item_ids", List.of("6364959589"),
                "payment_method_id", "gift_card_1210188"));

        assertThat(shop.order("#W4910056").path("return_payment_method_id").asText()).isEqualTo("gift_card_1210188");
    }

    @Test
    void refusesToReturnTwiceOrFromAnOrderNotDeliveredOrItemsNotInTheOrder() {
        assertThat(shop.refused("return_delivered_order_items", args("order_id", "#W3866977", "item_ids", List.of("8528205653"),
                "payment_method_id", "paypal_9807204")))
                .isEqualTo("order #W3866977 is pending; only delivered orders can be returned");
        assertThat(shop.refused("return_delivered_order_items", args("order_id", "#W5058283", "item_ids", List.of("3415030010"),
                "payment_method_id", "gift_card_8329809")))
                .isEqualTo("item 3415030010 is not in order #W5058283; its item ids are 9484663091");

        shop.call("return_delivered_order_items", args("order_id", "#W5058283", "item_ids", List.of("9484663091"),
                "payment_method_id", "gift_card_8329809"));

        assertThat(shop.refused("exchange_delivered_order_items", args("order_id", "#W5058283", "item_ids", List.of("9484663091"),
                "new_item_ids", List.of("8002961088"), "payment_method_id", "gift_card_8329809")))
                .isEqualTo("order #W5058283 is return requested; only delivered orders can be exchanged");
    }

    @Test
    void exchangeRecordsTheRequestAndItsPriceDifference() {
        shop.call("exchange_delivered_order_items", args("order_id", "#W5165865", "item_ids", List.of("8762507991", "4383868753"),
                "new_item_ids", List.of("1749991646", "4213095102"), "payment_method_id", "paypal_7838424"));

        JsonNode order = shop.order("#W5165865");
        assertThat(order.path("status").asText()).isEqualTo("exchange requested");
        assertThat(order.path("exchange_items").toString()).isEqualTo("[\"4383868753\",\"8762507991\"]");
        assertThat(order.path("exchange_new_items").toString()).isEqualTo("[\"1749991646\",\"4213095102\"]");
        assertThat(order.path("exchange_payment_method_id").asText()).isEqualTo("paypal_7838424");
        assertThat(money(order.path("exchange_price_difference"))).isEqualTo(new BigDecimal("29.11"));
        assertThat(order.path("items").path(0).path("item_id").asText()).isEqualTo("4383868753");
    }

    @Test
    void exchangeFollowsTheSameRulesAsModifying() {
        assertThat(shop.refused("exchange_delivered_order_items", args("order_id", "#W6807429", "item_ids", List.of("9437800427"),
                "new_item_ids", List.of("1517172495"), "payment_method_id", "paypal_9807204")))
                .isEqualTo("order #W6807429 is pending; only delivered orders can be exchanged");
        assertThat(shop.refused("exchange_delivered_order_items", args("order_id", "#W1897302", "item_ids", List.of("9437800427"),
                "new_item_ids", List.of("7742067133"), "payment_method_id", "paypal_9807204")))
                .startsWith("item 7742067133 is not a variant of Bluetooth Speaker");
        ((ObjectNode) shop.paymentMethod("yusuf_rossi_3343", "gift_card_8341820")).put("balance", new BigDecimal("10.00"));
        assertThat(shop.refused("exchange_delivered_order_items", args("order_id", "#W5181087", "item_ids", List.of("4425272540"),
                "new_item_ids", List.of("9149665510"), "payment_method_id", "gift_card_8341820")))
                .isEqualTo("gift card gift_card_8341820 has a balance of 10.00, not enough for 23.36; choose another payment method");
    }

    private static Map<String, Object> swap(String orderId, List<String> itemIds, List<String> newItemIds, String paymentMethodId) {
        return args("order_id", orderId, "item_ids", itemIds, "new_item_ids", newItemIds, "payment_method_id", paymentMethodId);
    }
}
