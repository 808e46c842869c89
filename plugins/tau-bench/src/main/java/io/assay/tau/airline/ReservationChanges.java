package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * The writing tools on an existing reservation: cancel it, change its bags, its flights or its
 * passengers. Upstream enforces few rules here (the policy asks the agent to enforce the rest):
 * a change that costs money is paid with one stored method, never a certificate, and a gift card
 * must cover it; a change that saves money is refunded to that method.
 */
final class ReservationChanges {

    private ReservationChanges() {
    }

    /** Refunds every payment (a negative copy of each) and marks it cancelled; seats are not released upstream. */
    static JsonNode cancel(Airline airline, Options arguments) {
        ObjectNode reservation = airline.reservation(arguments.string("reservation_id"));
        ArrayNode history = reservation.withArray("payment_history");
        List<JsonNode> refunds = new ArrayList<>();
        for (JsonNode payment : history) {
            ObjectNode refund = airline.objectNode();
            refund.set("payment_id", payment.path("payment_id"));
            refund.set("amount", airline.node(Num.of(payment.path("amount")).negate()));
            refunds.add(refund);
        }
        history.addAll(refunds);
        reservation.put("status", "cancelled");
        return result(airline, reservation);
    }

    /** Sets the bag counts; each non-free bag beyond those already paid costs $50. */
    static JsonNode updateBaggages(Airline airline, Options arguments) {
        ObjectNode reservation = airline.reservation(arguments.string("reservation_id"));
        ObjectNode user = airline.owner(reservation);
        JsonNode nonfree = Json.tree(arguments.get("nonfree_baggages"));
        Num extra = Num.of(nonfree).minus(Num.of(reservation.path("nonfree_baggages"))).atLeastZero();
        pay(airline, user, reservation, arguments.string("payment_id"), extra.times(50));
        reservation.set("total_baggages", airline.stored(Json.tree(arguments.get("total_baggages"))));
        reservation.set("nonfree_baggages", airline.stored(nonfree));
        return result(airline, reservation);
    }

    /**
     * Replaces the reservation's flights with the whole new list: a flight it already has (same
     * number and date, cabin unchanged) keeps its price; a new one must be available with seats for
     * every passenger and costs today's price. The difference is charged or refunded. Seats are not
     * taken from the flights upstream. tau2-bench also changes the cabin; tau-bench leaves it.
     */
    static JsonNode updateFlights(Airline airline, Options arguments) {
        JsonNode requested = airline.objects(arguments, "flights", "FlightInfo", Tau2Models.FLIGHT_INFO);
        ObjectNode reservation = airline.reservation(arguments.string("reservation_id"));
        ObjectNode user = airline.tau2() ? airline.owner(reservation) : null;
        String cabin = arguments.string("cabin");
        boolean sameCabin = cabin.equals(reservation.path("cabin").asText());
        int travellers = reservation.path("passengers").size();

        ArrayNode flights = airline.arrayNode();
        Num total = Num.ZERO;
        for (JsonNode wanted : requested) {
            String flightNumber = Airline.field(wanted, "flight_number").asText();
            String date = Airline.field(wanted, "date").asText();
            JsonNode kept = sameCabin ? existing(reservation, flightNumber, date) : null;
            if (kept != null) {
                flights.add(airline.tau2() ? kept : airline.reservedFlight(wanted, kept, date, kept.path("price")));
                total = total.plus(Num.of(kept.path("price")).times(travellers));
                continue;
            }
            ObjectNode flight = airline.flight(flightNumber);
            JsonNode price = airline.bookable(flightNumber, date, cabin, travellers).path("prices").path(cabin);
            flights.add(airline.reservedFlight(wanted, flight, date, price));
            total = total.plus(Num.of(price).times(travellers));
        }
        for (JsonNode old : reservation.path("flights")) {
            total = total.minus(Num.of(old.path("price")).times(travellers));
        }
        pay(airline, user != null ? user : airline.owner(reservation), reservation, arguments.string("payment_id"), total);
        reservation.set("flights", flights);
        if (airline.tau2()) {
            reservation.put("cabin", cabin);
        }
        return result(airline, reservation);
    }

    /** Replaces the passengers; their number cannot change. */
    static JsonNode updatePassengers(Airline airline, Options arguments) {
        JsonNode passengers = airline.objects(arguments, "passengers", "Passenger", Tau2Models.PASSENGER);
        ObjectNode reservation = airline.reservation(arguments.string("reservation_id"));
        if (passengers.size() != reservation.path("passengers").size()) {
            throw airline.refusal("number of passengers does not match", "Number of passengers does not match");
        }
        reservation.set("passengers", airline.stored(passengers));
        return result(airline, reservation);
    }

    /** The reservation's flight with this number and date, or null. */
    private static JsonNode existing(JsonNode reservation, String flightNumber, String date) {
        for (JsonNode flight : reservation.path("flights")) {
            if (flight.path("flight_number").asText().equals(flightNumber) && flight.path("date").asText().equals(date)) {
                return flight;
            }
        }
        return null;
    }

    /**
     * Charges (or, when negative, refunds) {@code price} to a stored payment method other than a
     * certificate, debiting a gift card, and records a payment unless the price is zero.
     */
    private static void pay(Airline airline, ObjectNode user, ObjectNode reservation, String paymentId, Num price) {
        JsonNode found = user.path("payment_methods").get(paymentId);
        if (!(found instanceof ObjectNode method)) {
            throw airline.refusal("payment method not found", "Payment method not found");
        }
        String source = method.path("source").asText();
        if (source.equals("certificate")) {
            throw airline.refusal("certificate cannot be used to update reservation",
                    "Certificate cannot be used to update reservation");
        }
        if (source.equals("gift_card")) {
            Num balance = Num.of(method.path("amount"));
            if (balance.compareTo(price) < 0) {
                throw airline.refusal("gift card balance is not enough", "Gift card balance is not enough");
            }
            method.set("amount", airline.node(balance.minus(price)));
        }
        if (price.value().signum() != 0) {
            ObjectNode payment = airline.objectNode().put("payment_id", paymentId);
            payment.set("amount", airline.node(price));
            reservation.withArray("payment_history").add(payment);
        }
    }

    private static JsonNode result(Airline airline, ObjectNode reservation) {
        return airline.tau2() ? Tau2Models.reservation(reservation) : reservation.deepCopy();
    }
}
