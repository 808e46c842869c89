package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.tau.retail.RetailTool.Behaviour;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Finding a user (by email, or by name and zip: case-insensitive, the zip exact), reading one, and changing their address. */
final class AccountTools {

    private AccountTools() {
    }

    static List<Behaviour> all() {
        return List.of(
                Behaviour.reading("find_user_id_by_email", (shop, arguments) -> {
                    String email = lower(arguments.string("email"));
                    return firstUser(shop, user -> lower(user.path("email").asText()).equals(email));
                }),
                Behaviour.reading("find_user_id_by_name_zip", (shop, arguments) -> {
                    String first = lower(arguments.string("first_name"));
                    String last = lower(arguments.string("last_name"));
                    String zip = arguments.string("zip");
                    return firstUser(shop, user -> lower(user.path("name").path("first_name").asText()).equals(first)
                            && lower(user.path("name").path("last_name").asText()).equals(last)
                            && user.path("address").path("zip").asText().equals(zip));
                }),
                Behaviour.reading("get_user_details", (shop, arguments) -> shop.user(arguments.string("user_id")).deepCopy()),
                Behaviour.writing("modify_user_address", (shop, arguments) -> {
                    ObjectNode user = shop.user(arguments.string("user_id"));
                    user.set("address", shop.address(arguments));
                    return user.deepCopy();
                }));
    }

    /** The first user in the table's order that matches, as upstream scans it. */
    private static JsonNode firstUser(Shop shop, Predicate<JsonNode> matches) {
        for (Map.Entry<String, JsonNode> user : shop.table("users").properties()) {
            if (matches.test(user.getValue())) {
                return TextNode.valueOf(user.getKey());
            }
        }
        throw shop.refusal("user not found", "User not found");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
