package io.assay.tau.airline;

import static io.assay.tau.ToolArguments.args;
import static io.assay.tau.airline.AirlineFixture.flight;
import static io.assay.tau.airline.AirlineFixture.passenger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.tau.TauVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Changes to reservation YH238W of the published data: emma_johnson_7098, two passengers on HAT157
 * (CLT to EWR, 2024-05-20) in basic economy at $90, paid 180 by gift card; her gift card holds 31.
 */
class TestReservationChanges {
    private static final String RESERVATION = "YH238W";
    private static final String USER = "emma_johnson_7098";

    @Test
    void cancellingRefundsEveryPaymentAndMarksItCancelled() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);

        JsonNode result = airline.call("cancel_reservation", args("reservation_id", RESERVATION));

        assertThat(result.path("status").asText()).isEqualTo("cancelled");
        assertThat(airline.reservation(RESERVATION).path("payment_history").toString()).isEqualTo(
                "[{\"payment_id\":\"gift_card_6585072\",\"amount\":180},{\"payment_id\":\"gift_card_6585072\",\"amount\":-180}]");
        assertThat(airline.refused("cancel_reservation", args("reservation_id", "NOPE00")))
                .isEqualTo("Reservation NOPE00 not found");
        assertThat(new AirlineFixture(TauVersion.TAU1).refused("cancel_reservation", args("reservation_id", "NOPE00")))
                .isEqualTo("reservation not found");
    }

    @Test
    void eachExtraNonFreeBagCostsFiftyAndIsPaidByTheMethodGiven() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);

        airline.call("update_reservation_baggages", args("reservation_id", RESERVATION, "total_baggages", 3,
                "nonfree_baggages", 2, "payment_id", "credit_card_5038083"));

        JsonNode reservation = airline.reservation(RESERVATION);
        assertThat(reservation.path("total_baggages").asInt()).isEqualTo(3);
        assertThat(reservation.path("nonfree_baggages").asInt()).isEqualTo(2);
        assertThat(reservation.path("payment_history").get(1).toString())
                .isEqualTo("{\"payment_id\":\"credit_card_5038083\",\"amount\":100}");
    }

    @Test
    void fewerBagsCostNothingAndRecordNoPayment() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU1);

        airline.call("update_reservation_baggages", args("reservation_id", RESERVATION, "total_baggages", 0,
                "nonfree_baggages", 0, "payment_id", "credit_card_5038083"));

        assertThat(airline.reservation(RESERVATION).path("payment_history").size()).isEqualTo(1);
    }

    @Test
    void aChangeCannotBePaidByCertificateNorByAGiftCardThatFallsShort() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);
        AirlineFixture tau1 = new AirlineFixture(TauVersion.TAU1);
        var byCertificate = args("reservation_id", RESERVATION, "total_baggages", 1, "nonfree_baggages", 1,
                "payment_id", "certificate_6190224");
        var byGiftCard = args("reservation_id", RESERVATION, "total_baggages", 1, "nonfree_baggages", 1,
                "payment_id", "gift_card_6585072");
        var byUnknown = args("reservation_id", RESERVATION, "total_baggages", 1, "nonfree_baggages", 1,
                "payment_id", "paypal_1");

        assertThat(tau2.refused("update_reservation_baggages", byCertificate))
                .isEqualTo("Certificate cannot be used to update reservation");
        assertThat(tau1.refused("update_reservation_baggages", byCertificate))
                .isEqualTo("certificate cannot be used to update reservation");
        assertThat(tau2.refused("update_reservation_baggages", byGiftCard)).isEqualTo("Gift card balance is not enough");
        assertThat(tau1.refused("update_reservation_baggages", byGiftCard)).isEqualTo("gift card balance is not enough");
        assertThat(tau2.refused("update_reservation_baggages", byUnknown)).isEqualTo("Payment method not found");
    }

    @Test
    void changingTheCabinChargesTheDifferenceForEveryPassenger() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);
        int business = tau2.day("HAT157", "2024-05-20").path("prices").path("business").asInt();
        var upgrade = args("reservation_id", RESERVATION, "cabin", "business",
                "flights", List.of(flight("HAT157", "2024-05-20")), "payment_id", "credit_card_5038083");

        tau2.call("update_reservation_flights", upgrade);

        JsonNode reservation = tau2.reservation(RESERVATION);
        assertThat(reservation.path("cabin").asText()).isEqualTo("business");
        assertThat(reservation.path("flights").get(0).path("price").asInt()).isEqualTo(business);
        assertThat(reservation.path("payment_history").get(1).path("amount").asInt()).isEqualTo((business - 90) * 2);

        AirlineFixture tau1 = new AirlineFixture(TauVersion.TAU1);
        tau1.call("update_reservation_flights", upgrade);
        assertThat(tau1.reservation(RESERVATION).path("cabin").asText())
                .as("tau-bench prices the new cabin but does not record it").isEqualTo("basic_economy");
        assertThat(tau1.reservation(RESERVATION).path("payment_history").get(1).path("amount").asInt())
                .isEqualTo((business - 90) * 2);
    }

    @Test
    void aFlightKeptInTheSameCabinKeepsItsPriceAndCostsNothing() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);

        airline.call("update_reservation_flights", args("reservation_id", RESERVATION, "cabin", "basic_economy",
                "flights", List.of(flight("HAT157", "2024-05-20")), "payment_id", "gift_card_6585072"));

        assertThat(airline.reservation(RESERVATION).path("payment_history").size()).isEqualTo(1);
        assertThat(airline.paymentMethods(USER).path("gift_card_6585072").path("amount").asInt()).isEqualTo(31);
    }

    @Test
    void aNewFlightMustFlyOnThatDate() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);

        assertThat(airline.refused("update_reservation_flights", args("reservation_id", RESERVATION,
                "cabin", "basic_economy", "flights", List.of(flight("HAT157", "2024-06-20")),
                "payment_id", "credit_card_5038083"))).isEqualTo("Flight HAT157 not found on date 2024-06-20");
        assertThat(airline.refused("update_reservation_flights", args("reservation_id", RESERVATION,
                "cabin", "basic_economy", "flights", List.of(flight("HAT999", "2024-05-20")),
                "payment_id", "credit_card_5038083"))).isEqualTo("Flight HAT999 not found");
    }

    @Test
    void passengersCanBeRenamedButNotAddedOrRemoved() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);
        var renamed = List.of(passenger("Anya", "Khan", "1979-02-17"), passenger("Mo", "Sanchez", "1959-10-20"));

        airline.call("update_reservation_passengers", args("reservation_id", RESERVATION, "passengers", renamed));

        assertThat(airline.reservation(RESERVATION).path("passengers").get(1).path("first_name").asText()).isEqualTo("Mo");
        assertThat(airline.refused("update_reservation_passengers", args("reservation_id", RESERVATION,
                "passengers", renamed.subList(0, 1)))).isEqualTo("Number of passengers does not match");
        assertThat(new AirlineFixture(TauVersion.TAU1).refused("update_reservation_passengers",
                args("reservation_id", RESERVATION, "passengers", renamed.subList(0, 1))))
                .isEqualTo("number of passengers does not match");
    }

    @Test
    void certificatesTakeUpstreamsThreeIdsInTurn() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);
        for (String id : Airline.NEW_CERTIFICATE_IDS) {
            assertThat(tau2.call("send_certificate", args("user_id", USER, "amount", 150)).asText())
                    .isEqualTo("Certificate " + id + " added to user " + USER + " with amount 150.");
        }
        assertThat(tau2.paymentMethods(USER).path("certificate_3221322").toString())
                .isEqualTo("{\"source\":\"certificate\",\"id\":\"certificate_3221322\",\"amount\":150}");
        assertThat(tau2.refused("send_certificate", args("user_id", USER, "amount", 150))).isEqualTo("Too many certificates");

        AirlineFixture tau1 = new AirlineFixture(TauVersion.TAU1);
        for (int i = 0; i < 3; i++) {
            tau1.call("send_certificate", args("user_id", USER, "amount", 150));
        }
        assertThat(tau1.call("send_certificate", args("user_id", USER, "amount", 150)).isNull())
                .as("tau-bench returns None when all three are taken").isTrue();
    }
}
