package io.assay.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.spi.Tool;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A two-account ledger for testing tool sessions: a read-only lookup, a deposit that checks its
 * rule only after writing (so a rollback is visible), a buggy tool, and a lottery tool that is
 * deliberately nondeterministic, as a flawed domain would be.
 */
final class LedgerDomain implements Domain {
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    static Map<String, Object> schema(String... required) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (String name : required) {
            properties.put(name, Map.of("type", name.equals("amount") ? "number" : "string"));
        }
        return Map.of("type", "object", "properties", properties, "required", List.of(required));
    }

    @Override
    public ObjectNode initialState() {
        ObjectNode state = JSON.objectNode();
        ObjectNode accounts = state.putObject("accounts");
        accounts.putObject("acc_ana").put("owner", "Ana Lima").put("balance", new BigDecimal("10.00"));
        accounts.putObject("acc_bo").put("owner", "Bo Berg").put("balance", new BigDecimal("5.00"));
        return state;
    }

    @Override
    public List<DomainTool> tools() {
        return List.of(
                tool(new Tool("get_balance", "An account's balance.", schema("account_id"), true),
                        (state, args) -> account(state, args.string("account_id")).get("balance")),
                tool(new Tool("deposit", "Adds an amount to an account; at most 100.", schema("account_id", "amount"), false),
                        (state, args) -> {
                            ObjectNode account = account(state, args.string("account_id"));
                            BigDecimal amount = new BigDecimal(args.get("amount").toString());
                            account.put("balance", account.get("balance").decimalValue().add(amount));
                            if (amount.compareTo(BigDecimal.valueOf(100)) > 0) {
                                throw new ToolException("deposits are limited to 100, got " + amount);
                            }
                            return account;
                        }),
                tool(new Tool("lottery", "Adds a random prize.", schema("account_id"), false),
                        (state, args) -> account(state, args.string("account_id"))
                                .put("balance", ThreadLocalRandom.current().nextInt(1_000_000))),
                tool(new Tool("broken", "Always crashes.", schema(), false), (state, args) -> {
                    throw new NullPointerException("bug");
                }));
    }

    private static ObjectNode account(ObjectNode state, String id) {
        JsonNode account = state.path("accounts").path(id);
        if (!account.isObject()) {
            throw new ToolException("no account '" + id + "'");
        }
        return (ObjectNode) account;
    }

    private static DomainTool tool(Tool spec, java.util.function.BiFunction<ObjectNode, Options, JsonNode> body) {
        return new DomainTool() {
            @Override
            public Tool spec() {
                return spec;
            }

            @Override
            public JsonNode call(ObjectNode state, Options arguments) {
                return body.apply(state, arguments);
            }
        };
    }
}
