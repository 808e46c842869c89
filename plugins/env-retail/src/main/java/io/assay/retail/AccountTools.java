package io.assay.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.spi.Options;
import io.assay.tools.ToolException;
import java.util.List;

/** Finding a user to authenticate them, reading their profile, and changing their default address. */
final class AccountTools {

    private AccountTools() {
    }

    static List<RetailTool> all() {
        return List.of(
                RetailTool.reading("find_user_id_by_email",
                        "Finds a user's id by their email address. Use it to authenticate the user.",
                        new Parameters().text("email", "The user's email, such as 'something@example.com'."),
                        AccountTools::findByEmail),
                RetailTool.reading("find_user_id_by_name_zip",
                        "Finds a user's id by their first name, last name and zip code. Use it to authenticate "
                                + "the user when they do not remember their email.",
                        new Parameters().text("first_name", "The user's first name, such as 'John'.")
                                .text("last_name", "The user's last name, such as 'Doe'.")
                                .text("zip", "The zip code of the user's address, such as '12345'."),
                        AccountTools::findByNameAndZip),
                RetailTool.reading("get_user_details",
                        "Gets a user's profile: name, address, email, payment methods (with gift card balances) "
                                + "and order ids.",
                        new Parameters().text("user_id", "The user's id, such as 'sara_doe_496'."),
                        (shop, arguments) -> shop.user(arguments.string("user_id")).deepCopy()),
                RetailTool.writing("modify_user_address",
                        "Changes a user's default address. It does not change the address of existing orders. "
                                + "Confirm the new address with the user before calling.",
                        new Parameters().text("user_id", "The user's id, such as 'sara_doe_496'.").address(),
                        (shop, arguments) -> {
                            ObjectNode user = shop.user(arguments.string("user_id"));
                            user.set("address", Shop.address(user.objectNode(), arguments));
                            return user.deepCopy();
                        }));
    }

    private static JsonNode findByEmail(Shop shop, Options arguments) {
        String email = arguments.string("email").strip();
        for (JsonNode user : shop.users()) {
            if (user.path("email").asText().equalsIgnoreCase(email)) {
                return TextNode.valueOf(user.path("user_id").asText());
            }
        }
        throw new ToolException("no user has the email '" + email + "'; check the spelling, or use "
                + "find_user_id_by_name_zip");
    }

    private static JsonNode findByNameAndZip(Shop shop, Options arguments) {
        String first = arguments.string("first_name").strip();
        String last = arguments.string("last_name").strip();
        String zip = arguments.string("zip").strip();
        for (JsonNode user : shop.users()) {
            if (user.path("name").path("first_name").asText().equalsIgnoreCase(first)
                    && user.path("name").path("last_name").asText().equalsIgnoreCase(last)
                    && user.path("address").path("zip").asText().equals(zip)) {
                return TextNode.valueOf(user.path("user_id").asText());
            }
        }
        throw new ToolException("no user named " + first + " " + last + " with zip code " + zip
                + "; check the spelling, or use find_user_id_by_email");
    }
}
