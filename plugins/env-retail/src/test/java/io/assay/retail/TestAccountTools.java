package io.assay.retail;

import static io.assay.retail.ShopFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestAccountTools {
    private final ShopFixture shop = new ShopFixture();

    @Test
    void findsAUserByEmailIgnoringCaseAndSpaces() {
        assertThat(shop.call("find_user_id_by_email", args("email", " Mei.Kovacs3@Example.com ")).asText())
                .isEqualTo("mei_kovacs_7611");
    }

    @Test
    void refusesAnUnknownEmailAndPointsToTheOtherLookup() {
        assertThat(shop.refused("find_user_id_by_email", args("email", "mei.kovacs@example.com")))
                .contains("mei.kovacs@example.com", "find_user_id_by_name_zip");
    }

    @Test
    void findsAUserByNameAndZip() {
        assertThat(shop.call("find_user_id_by_name_zip", args("first_name", "yusuf", "last_name", "Rossi", "zip", "19122"))
                .asText()).isEqualTo("yusuf_rossi_3343");
    }

    @Test
    void refusesANameWithTheWrongZip() {
        assertThat(shop.refused("find_user_id_by_name_zip", args("first_name", "Yusuf", "last_name", "Rossi", "zip", "19123")))
                .contains("Yusuf Rossi", "19123");
    }

    @Test
    void getsUserDetailsAndRefusesAnUnknownUser() {
        JsonNode user = shop.call("get_user_details", args("user_id", "priya_sharma_3936"));

        assertThat(user.path("payment_methods").has("gift_card_8329809")).isTrue();
        assertThat(shop.refused("get_user_details", args("user_id", "priya_sharma")))
                .contains("no user with id 'priya_sharma'", "find_user_id_by_email");
    }

    @Test
    void modifiesTheUsersDefaultAddressButNotTheirOrders() {
        shop.call("modify_user_address", address("sofia_hernandez_6808", "1450 Pearl Street", "Apt 3C", "Boulder", "80302"));

        assertThat(shop.state.path("users").path("sofia_hernandez_6808").path("address")).hasToString(
                "{\"address1\":\"1450 Pearl Street\",\"address2\":\"Apt 3C\",\"city\":\"Boulder\",\"country\":\"USA\","
                        + "\"state\":\"CO\",\"zip\":\"80302\"}");
        assertThat(shop.order("#W1966848").path("address").path("city").asText()).isEqualTo("Denver");
    }

    @Test
    void refusesAnAddressWithAnEmptyRequiredLine() {
        assertThat(shop.refused("modify_user_address", address("sofia_hernandez_6808", "1450 Pearl Street", "", " ", "80302")))
                .isEqualTo("city must not be empty");
        assertThat(shop.refused("modify_user_address", address("nobody_1", "1450 Pearl Street", "", "Boulder", "80302")))
                .contains("no user with id 'nobody_1'");
    }

    static Map<String, Object> address(String userId, String address1, String address2, String city, String zip) {
        return args("user_id", userId, "address1", address1, "address2", address2, "city", city, "state", "CO",
                "country", "USA", "zip", zip);
    }
}
