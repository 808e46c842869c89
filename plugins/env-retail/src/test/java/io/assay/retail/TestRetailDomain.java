package io.assay.retail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Tool;
import io.assay.tools.DomainTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRetailDomain {

    @Test
    void initialStateHasTheShopsTablesAtTheirStatedSizes() {
        ObjectNode state = new RetailDomain().initialState();

        assertThat(state.properties()).extracting(Map.Entry::getKey).containsExactly("users", "orders", "products");
        assertThat(state.path("users").size()).isEqualTo(20);
        assertThat(state.path("orders").size()).isEqualTo(50);
        assertThat(state.path("products").size()).isEqualTo(12);
        state.path("products").forEach(product -> assertThat(product.path("variants").size()).isBetween(3, 8));
        List<String> statuses = new ArrayList<>();
        state.path("orders").forEach(order -> statuses.add(order.path("status").asText()));
        assertThat(statuses).contains("pending", "processed", "delivered", "cancelled");
    }

    @Test
    void recordsReferToEachOtherConsistently() {
        ObjectNode state = new RetailDomain().initialState();

        state.path("users").properties().forEach(user -> {
            assertThat(user.getValue().path("user_id").asText()).isEqualTo(user.getKey());
            user.getValue().path("orders").forEach(orderId ->
                    assertThat(state.path("orders").path(orderId.asText()).path("user_id").asText()).isEqualTo(user.getKey()));
        });
        state.path("orders").properties().forEach(entry -> {
            JsonNode order = entry.getValue();
            assertThat(order.path("order_id").asText()).isEqualTo(entry.getKey());
            JsonNode owner = state.path("users").path(order.path("user_id").asText());
            assertThat(owner.path("orders").toString()).contains("\"" + entry.getKey() + "\"");
            order.path("payment_history").forEach(payment ->
                    assertThat(owner.path("payment_methods").has(payment.path("payment_method_id").asText())).isTrue());
            order.path("items").forEach(item -> {
                JsonNode variant = state.path("products").path(item.path("product_id").asText())
                        .path("variants").path(item.path("item_id").asText());
                assertThat(variant.path("price")).isEqualTo(item.path("price"));
                assertThat(variant.path("options")).isEqualTo(item.path("options"));
            });
        });
    }

    @Test
    void everyAmountIsAnExactDecimalWithTwoPlaces() {
        List<JsonNode> numbers = new ArrayList<>();
        collectNumbers(new RetailDomain().initialState(), numbers);

        assertThat(numbers).hasSizeGreaterThan(200);
        assertThat(numbers).allSatisfy(number -> {
            assertThat(number.isBigDecimal()).as("%s is a BigDecimal", number).isTrue();
            assertThat(number.decimalValue().scale()).as("scale of %s", number).isEqualTo(2);
        });
    }

    @Test
    void initialStateReturnsIndependentCopies() {
        RetailDomain domain = new RetailDomain();
        ObjectNode first = domain.initialState();
        ObjectNode pristine = domain.initialState();

        ((ObjectNode) first.path("orders").path("#W3866977")).put("status", "cancelled");
        first.remove("products");

        ObjectNode second = new RetailDomain().initialState();
        assertThat(second).isEqualTo(pristine).isNotSameAs(pristine);
        assertThat(second.path("orders").path("#W3866977").path("status").asText()).isEqualTo("pending");
    }

    @Test
    void toolsHaveUniqueNamesAndObjectSchemasWithRequiredParameters() {
        List<Tool> specs = new RetailDomain().tools().stream().map(DomainTool::spec).toList();

        assertThat(specs).extracting(Tool::name).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "find_user_id_by_email", "find_user_id_by_name_zip", "get_user_details", "get_order_details",
                "get_product_details", "list_all_product_types", "calculate", "cancel_pending_order",
                "modify_pending_order_address", "modify_pending_order_payment", "modify_pending_order_items",
                "return_delivered_order_items", "exchange_delivered_order_items", "modify_user_address");
        assertThat(specs).allSatisfy(spec -> {
            assertThat(spec.description()).isNotBlank();
            assertThat(spec.parameters()).containsEntry("type", "object");
            Map<?, ?> properties = (Map<?, ?>) spec.parameters().get("properties");
            List<Object> required = List.copyOf((List<?>) spec.parameters().get("required"));
            assertThat(required).containsExactlyInAnyOrderElementsOf(List.copyOf(properties.keySet()));
            properties.values().forEach(schema -> assertThat(((Map<?, ?>) schema).get("type")).isIn("string", "array"));
        });
        assertThat(specs).filteredOn(Tool::readOnly).extracting(Tool::name).containsExactlyInAnyOrder(
                "find_user_id_by_email", "find_user_id_by_name_zip", "get_user_details", "get_order_details",
                "get_product_details", "list_all_product_types", "calculate");
    }

    @Test
    void readOnlyToolsLeaveTheStateAsItWasEvenWhenTheirResultsAreChanged() {
        ShopFixture shop = new ShopFixture();
        ObjectNode before = shop.state.deepCopy();

        shop.call("find_user_id_by_email", ShopFixture.args("email", "mei.kovacs3@example.com"));
        shop.call("find_user_id_by_name_zip", ShopFixture.args("first_name", "Mei", "last_name", "Kovacs", "zip", "78701"));
        ((ObjectNode) shop.call("get_user_details", ShopFixture.args("user_id", "mei_kovacs_7611"))).removeAll();
        ((ObjectNode) shop.call("get_order_details", ShopFixture.args("order_id", "#W6700537"))).removeAll();
        ((ObjectNode) shop.call("get_product_details", ShopFixture.args("product_id", "7117612140"))).removeAll();
        ((ObjectNode) shop.call("list_all_product_types", Map.of())).removeAll();
        shop.call("calculate", ShopFixture.args("expression", "1 + 1"));

        assertThat(shop.state).isEqualTo(before);
    }

    @Test
    void productTypesMapNamesToIds() {
        JsonNode types = new ShopFixture().call("list_all_product_types", Map.of());

        assertThat(types.size()).isEqualTo(12);
        assertThat(types.path("T-Shirt").asText()).isEqualTo("7117612140");
        assertThat(types.path("Hiking Boots").asText()).isEqualTo("3450116985");
    }

    static void collectNumbers(JsonNode node, List<JsonNode> into) {
        if (node.isNumber()) {
            into.add(node);
        }
        node.forEach(child -> collectNumbers(child, into));
    }
}
