package io.assay.tau.retail;

import static io.assay.tau.ToolArguments.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Tool;
import io.assay.spi.ToolResult;
import io.assay.tau.TauVersion;
import io.assay.tools.DomainTool;
import io.assay.tools.SharedState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRetailTools {
    private static final List<String> WRITES = List.of("cancel_pending_order", "exchange_delivered_order_items",
            "modify_pending_order_address", "modify_pending_order_items", "modify_pending_order_payment",
            "modify_user_address", "return_delivered_order_items");

    private static List<Tool> specs(TauVersion version) {
        return RetailFixture.domain(version).tools().stream().map(DomainTool::spec).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Tool tool, String name) {
        return (Map<String, Object>) ((Map<String, Object>) tool.parameters().get("properties")).get(name);
    }

    @Test
    void eachVersionHasUpstreamsToolsInUpstreamsOrder() {
        assertThat(specs(TauVersion.TAU1)).extracting(Tool::name).containsExactly("calculate", "cancel_pending_order",
                "exchange_delivered_order_items", "find_user_id_by_email", "find_user_id_by_name_zip",
                "get_order_details", "get_product_details", "get_user_details", "list_all_product_types",
                "modify_pending_order_address", "modify_pending_order_items", "modify_pending_order_payment",
                "modify_user_address", "return_delivered_order_items", "think", "transfer_to_human_agents");
        assertThat(specs(TauVersion.TAU2)).extracting(Tool::name).containsExactly("calculate", "cancel_pending_order",
                "exchange_delivered_order_items", "find_user_id_by_name_zip", "find_user_id_by_email",
                "get_order_details", "get_product_details", "get_item_details", "get_user_details",
                "list_all_product_types", "modify_pending_order_address", "modify_pending_order_items",
                "modify_pending_order_payment", "modify_user_address", "return_delivered_order_items",
                "transfer_to_human_agents");
    }

    @Test
    void onlyTheToolsThatChangeTheShopAreWriters() {
        for (TauVersion version : TauVersion.values()) {
            assertThat(specs(version)).filteredOn(tool -> !tool.readOnly()).extracting(Tool::name)
                    .as("writers of %s", version).containsExactlyInAnyOrderElementsOf(WRITES);
        }
    }

    @Test
    void parametersAreUpstreamsNamesTypesAndDescriptions() {
        Tool tau1Cancel = specs(TauVersion.TAU1).get(1);
        Tool tau2Cancel = specs(TauVersion.TAU2).get(1);

        assertThat(tau1Cancel.parameters()).containsEntry("required", List.of("order_id", "reason"));
        assertThat(property(tau1Cancel, "reason"))
                .containsEntry("type", "string")
                .containsEntry("enum", List.of("no longer needed", "ordered by mistake"));
        // tau2 builds schemas from type hints, so its reason is a free string the tool itself checks.
        assertThat(property(tau2Cancel, "reason"))
                .containsOnlyKeys("type", "description");
        assertThat(tau2Cancel.description()).startsWith("Cancel a pending order. If the order is already processed or delivered,\n\n");
        Tool exchange = specs(TauVersion.TAU2).get(2);
        assertThat(property(exchange, "item_ids"))
                .containsEntry("type", "array").containsEntry("items", Map.of("type", "string"));
    }

    @Test
    void theInitialStateIsAFreshCopyEveryTimeSharingTheDataNoTrialMayChange() {
        RetailDomain domain = RetailFixture.domain(TauVersion.TAU2);
        ObjectNode first = domain.initialState();
        SharedState.writable(first, "orders").removeAll();

        assertThat(domain.initialState().get("orders")).hasSize(1000);
        assertThatThrownBy(() -> ((ObjectNode) domain.initialState().get("orders")).removeAll())
                .as("the shared data refuses a change not made through SharedState.writable")
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(domain.policy()).isEqualTo("policy");
    }

    @Test
    void tau2KeepsRecordsAsItsModelsDumpThem() {
        ObjectNode state = RetailFixture.domain(TauVersion.TAU2).initialState();
        ObjectNode processed = (ObjectNode) state.get("orders").get("#W2611340");

        assertThat(processed.get("cancel_reason").isNull()).isTrue();
        assertThat(processed.get("return_items").isNull()).isTrue();
        assertThat(state.get("users").get("ava_nguyen_6646").get("address").fieldNames())
                .toIterable().containsExactly("address1", "address2", "city", "country", "state", "zip");
    }

    @Test
    void tau1KeepsTheRawJsonWithItsIntegerBalances() {
        ObjectNode state = RetailFixture.domain(TauVersion.TAU1).initialState();

        assertThat(state.get("orders").get("#W2611340").has("cancel_reason")).isFalse();
        assertThat(state.get("users").get("ava_nguyen_6646").get("payment_methods").get("gift_card_1994993")
                .get("balance").isIntegralNumber()).isTrue();
    }

    @Test
    void aTau2DatabaseThatDoesNotFitTheModelsIsRefusedNamingTheField() {
        ObjectNode database = RetailFixture.tau2Database().deepCopy();
        ((ObjectNode) database.get("orders").get("#W2611340")).remove("status");

        assertThatThrownBy(() -> new RetailDomain(database, "", TauVersion.TAU2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tau2 retail database, orders.#W2611340.status: required field is missing");
    }

    @Test
    void usersAreFoundByEmailOrNameAndZipIgnoringCase() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        assertThat(trial.call("find_user_id_by_name_zip", args("first_name", "AVA", "last_name", "nguyen",
                "zip", trial.state().at("/users/ava_nguyen_6646/address/zip").asText())).content())
                .isEqualTo("ava_nguyen_6646");
        assertThat(trial.call("find_user_id_by_email", args("email", "nobody@example.com")))
                .isEqualTo(ToolResult.error("User not found"));
        assertThat(RetailFixture.trial(TauVersion.TAU1).call("find_user_id_by_email", args("email", "nobody@example.com")))
                .isEqualTo(ToolResult.error("user not found"));
    }

    @Test
    void productTypesAreUpstreamsJsonTextSortedByName() {
        String listed = RetailFixture.trial(TauVersion.TAU2).call("list_all_product_types", Map.of()).content();

        assertThat(listed).startsWith("{\"Action Camera\": \"3377618313\", \"Air Purifier\": \"3821016478\", ");
        assertThat(listed.split(", ")).hasSize(50);
    }

    @Test
    void itemDetailsFindAVariantInAnyProduct() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        assertThat(trial.json("get_item_details", args("item_id", "3333391894")).get("price").decimalValue())
                .isEqualByComparingTo("534.14");
        assertThat(trial.call("get_item_details", args("item_id", "7233192239")))
                .isEqualTo(ToolResult.error("Item not found"));
    }

    @Test
    void calculateEvaluatesAsPythonAndRoundsToTwoPlaces() {
        RetailFixture.Trial trial = RetailFixture.trial(TauVersion.TAU2);

        assertThat(List.of("2 + 2", "10 / 3", "7 // 2", "2 ** 10", "-2 ** 2", "0.1 + 0.2", "1.005 * 1", "(1 + 2) * 3"))
                .map(expression -> trial.call("calculate", args("expression", expression)).content())
                .containsExactly("4.0", "3.33", "3.0", "1024.0", "-4.0", "0.3", "1.0", "9.0");
        assertThat(trial.call("calculate", args("expression", "1 / 0"))).isEqualTo(ToolResult.error("division by zero"));
        assertThat(trial.call("calculate", args("expression", "2 +")))
                .isEqualTo(ToolResult.error("invalid syntax (<string>, line 1)"));
        assertThat(trial.call("calculate", args("expression", "(1 + 2")))
                .isEqualTo(ToolResult.error("'(' was never closed (<string>, line 1)"));
        assertThat(trial.call("calculate", args("expression", "2 ^ 3")))
                .isEqualTo(ToolResult.error("Invalid characters in expression"));
    }

    @Test
    void genericToolsAnswerAsUpstream() {
        RetailFixture.Trial tau1 = RetailFixture.trial(TauVersion.TAU1);

        assertThat(tau1.call("think", args("thought", "the order is pending"))).isEqualTo(ToolResult.ok(""));
        assertThat(tau1.call("transfer_to_human_agents", args("summary", "wants a refund")))
                .isEqualTo(ToolResult.ok("Transfer successful"));
    }
}
