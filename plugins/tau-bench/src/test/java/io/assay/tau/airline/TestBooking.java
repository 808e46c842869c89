package io.assay.tau.airline;

import static io.assay.tau.ToolArguments.args;
import static io.assay.tau.airline.AirlineFixture.flight;
import static io.assay.tau.airline.AirlineFixture.passenger;
import static io.assay.tau.airline.AirlineFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.tau.TauVersion;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** book_reservation on the published data: JFK to SEA via ATL on 2024-05-20 in economy costs 152 + 103. */
class TestBooking {

    private static Map<String, Object> booking(List<Map<String, Object>> payments) {
        return args("user_id", "mia_li_3668", "origin", "JFK", "destination", "SEA", "flight_type", "one_way",
                "cabin", "economy", "flights", List.of(flight("HAT136", "2024-05-20"), flight("HAT039", "2024-05-20")),
                "passengers", List.of(passenger("Mia", "Li", "1990-04-05")), "payment_methods", payments,
                "total_baggages", 3, "nonfree_baggages", 0, "insurance", "no");
    }

    private static final Map<String, Object> PAID = booking(List.of(payment("certificate_7504069", 250),
            payment("credit_card_4421486", 5)));

    @Test
    void tau2BooksUnderUpstreamsIdUsesUpTheCertificateAndTakesTheSeats() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);

        JsonNode result = airline.call("book_reservation", PAID);

        assertThat(result.path("reservation_id").asText()).isEqualTo("HATHAT");
        assertThat(result.path("created_at").asText()).isEqualTo("2024-05-15T15:00:00");
        assertThat(result.path("status").isNull()).as("the model's status field, dumped").isTrue();
        assertThat(result.path("flights").get(1).toString()).isEqualTo(
                "{\"flight_number\":\"HAT039\",\"origin\":\"ATL\",\"destination\":\"SEA\",\"date\":\"2024-05-20\",\"price\":103}");
        assertThat(airline.reservation("HATHAT").path("payment_history").toString())
                .isEqualTo("[{\"payment_id\":\"certificate_7504069\",\"amount\":250},"
                        + "{\"payment_id\":\"credit_card_4421486\",\"amount\":5}]");
        assertThat(airline.paymentMethods("mia_li_3668").has("certificate_7504069")).isFalse();
        assertThat(airline.state.path("users").path("mia_li_3668").path("reservations").toString())
                .isEqualTo("[\"NO6JO3\",\"AIXC49\",\"HKEG34\",\"HATHAT\"]");
        assertThat(airline.day("HAT136", "2024-05-20").path("available_seats").path("economy").asInt()).isEqualTo(13);
        assertThat(airline.day("HAT039", "2024-05-20").path("available_seats").path("economy").asInt()).isEqualTo(9);
    }

    @Test
    void tau1BooksTheSameButLeavesTheSeatsAndKeepsTheFlightAsGiven() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU1);

        JsonNode result = airline.call("book_reservation", PAID);

        assertThat(result.has("status")).isFalse();
        assertThat(result.path("flights").get(1).toString()).isEqualTo(
                "{\"flight_number\":\"HAT039\",\"date\":\"2024-05-20\",\"price\":103,\"origin\":\"ATL\",\"destination\":\"SEA\"}");
        assertThat(airline.day("HAT136", "2024-05-20").path("available_seats").path("economy").asInt()).isEqualTo(14);
        assertThat(airline.paymentMethods("mia_li_3668").has("certificate_7504069")).isFalse();
    }

    @Test
    void aGiftCardIsDebitedByWhatItPays() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);
        BigDecimal before = airline.paymentMethods("mia_kim_4397").path("gift_card_7359776").path("amount").decimalValue();

        airline.call("book_reservation", args("user_id", "mia_kim_4397", "origin", "JFK", "destination", "SEA",
                "flight_type", "round_trip", "cabin", "basic_economy",
                "flights", List.of(flight("HAT069", "2024-05-20"), flight("HAT276", "2024-05-25")),
                "passengers", List.of(passenger("Mia", "Kim", "1965-06-09")),
                "payment_methods", List.of(payment("gift_card_7359776", 39), payment("gift_card_7773485", 67)),
                "total_baggages", 1, "nonfree_baggages", 0, "insurance", "no"));

        assertThat(airline.paymentMethods("mia_kim_4397").path("gift_card_7359776").path("amount").decimalValue())
                .isEqualByComparingTo(before.subtract(BigDecimal.valueOf(39)));
    }

    @Test
    void paymentsMustAddUpToFlightsInsuranceAndBags() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);
        Map<String, Object> insuredWithABag = new LinkedHashMap<>(PAID);
        insuredWithABag.put("insurance", "yes");
        insuredWithABag.put("nonfree_baggages", 1);

        assertThat(tau2.refused("book_reservation", insuredWithABag))
                .isEqualTo("Payment amount does not add up, total price is 335, but paid 255");
        assertThat(new AirlineFixture(TauVersion.TAU1).refused("book_reservation", insuredWithABag))
                .isEqualTo("payment amount does not add up, total price is 335, but paid 255");
    }

    @Test
    void refusalsAreUpstreamsMessagesAndChangeNothing() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);
        AirlineFixture tau1 = new AirlineFixture(TauVersion.TAU1);
        Map<String, Object> tooMuchCertificate = booking(List.of(payment("certificate_4856383", 255)));
        Map<String, Object> unknownCard = booking(List.of(payment("credit_card_0000000", 255)));
        Map<String, Object> stranger = new LinkedHashMap<>(PAID);
        stranger.put("user_id", "nobody_1");
        Map<String, Object> cancelledFlight = new LinkedHashMap<>(PAID);
        cancelledFlight.put("flights", List.of(flight("HAT001", "2024-05-03")));

        assertThat(tau2.refused("book_reservation", tooMuchCertificate))
                .isEqualTo("Not enough balance in payment method certificate_4856383");
        assertThat(tau1.refused("book_reservation", tooMuchCertificate))
                .isEqualTo("not enough balance in payment method certificate_4856383");
        assertThat(tau2.refused("book_reservation", unknownCard)).isEqualTo("Payment method credit_card_0000000 not found");
        assertThat(tau2.refused("book_reservation", stranger)).isEqualTo("User nobody_1 not found");
        assertThat(tau1.refused("book_reservation", stranger)).isEqualTo("user not found");
        assertThat(tau2.refused("book_reservation", cancelledFlight))
                .isEqualTo("Flight HAT001 not available on date 2024-05-03");
        assertThat(tau1.refused("book_reservation", cancelledFlight))
                .isEqualTo("flight HAT001 not available on date 2024-05-03");
    }

    @Test
    void tau2ValidatesPassengersAsItsModelDoes() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);
        Map<String, Object> noBirthday = new LinkedHashMap<>(PAID);
        noBirthday.put("passengers", List.of(args("first_name", "Mia", "last_name", "Li")));

        assertThat(airline.refused("book_reservation", noBirthday))
                .isEqualTo("1 validation error for Passenger\ndob\n  Field required");
    }

    @Test
    void tau2TakesOnlyThreeNewReservationIds() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);
        Map<String, Object> byCard = booking(List.of(payment("credit_card_4421486", 255)));
        for (String id : List.of("HATHAT", "HATHAU", "HATHAV")) {
            assertThat(airline.call("book_reservation", byCard).path("reservation_id").asText()).isEqualTo(id);
        }

        assertThat(airline.refused("book_reservation", byCard)).isEqualTo("Too many reservations");
    }
}
