package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tau.python.PythonJson;
import io.assay.tools.ToolException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code book_reservation}: prices each flight in the cabin for every passenger, adds insurance
 * ($30 a passenger) and non-free bags ($50 each), and takes the payments only if they add up
 * exactly; gift cards are debited, certificates used up. Every check comes before the first change.
 * tau2-bench also takes the seats off the flights; tau-bench leaves the flights as they were.
 */
final class Booking {
    private final Airline airline;
    private final Options arguments;

    private Booking(Airline airline, Options arguments) {
        this.airline = airline;
        this.arguments = arguments;
    }

    static JsonNode book(Airline airline, Options arguments) {
        return new Booking(airline, arguments).book();
    }

    private JsonNode book() {
        JsonNode flights = airline.objects(arguments, "flights", "FlightInfo", Tau2Models.FLIGHT_INFO);
        JsonNode passengers = airline.objects(arguments, "passengers", "Passenger", Tau2Models.PASSENGER);
        JsonNode payments = airline.objects(arguments, "payment_methods", "Payment", Tau2Models.PAYMENT);
        String userId = arguments.string("user_id");
        ObjectNode user = airline.user(userId);
        String reservationId = airline.newReservationId();
        String cabin = arguments.string("cabin");
        int travellers = passengers.size();

        ArrayNode booked = airline.arrayNode();
        List<ObjectNode> seats = new ArrayList<>();
        Num total = Num.ZERO;
        for (JsonNode requested : flights) {
            String flightNumber = Airline.field(requested, "flight_number").asText();
            ObjectNode flight = airline.flight(flightNumber);
            String date = Airline.field(requested, "date").asText();
            ObjectNode day = airline.bookable(flightNumber, date, cabin, travellers);
            JsonNode price = day.path("prices").path(cabin);
            booked.add(airline.reservedFlight(requested, flight, date, price));
            seats.add((ObjectNode) day.path("available_seats"));
            total = total.plus(Num.of(price).times(travellers));
        }
        if (arguments.string("insurance").equals("yes")) {
            total = total.plus(Num.integer(30L * travellers));
        }
        total = total.plus(bags().times(50));

        Num paid = Num.ZERO;
        for (JsonNode payment : payments) {
            String paymentId = Airline.field(payment, "payment_id").asText();
            Num amount = amount(Airline.field(payment, "amount"));
            JsonNode method = user.path("payment_methods").get(paymentId);
            if (method == null) {
                throw airline.refusal("payment method " + paymentId + " not found",
                        "Payment method " + paymentId + " not found");
            }
            if (List.of("gift_card", "certificate").contains(method.path("source").asText())
                    && Num.of(method.path("amount")).compareTo(amount) < 0) {
                throw airline.refusal("not enough balance in payment method " + paymentId,
                        "Not enough balance in payment method " + paymentId);
            }
            paid = paid.plus(amount);
        }
        if (paid.compareTo(total) != 0) {
            throw airline.refusal("payment amount does not add up, total price is " + total.text() + ", but paid "
                            + paid.text(),
                    "Payment amount does not add up, total price is " + total.text() + ", but paid " + paid.text());
        }

        for (JsonNode payment : payments) {
            String paymentId = payment.path("payment_id").asText();
            ObjectNode method = (ObjectNode) user.path("payment_methods").path(paymentId);
            switch (method.path("source").asText()) {
                case "gift_card" -> method.set("amount",
                        airline.node(Num.of(method.path("amount")).minus(Num.of(payment.path("amount")))));
                case "certificate" -> ((ObjectNode) user.path("payment_methods")).remove(paymentId);
                default -> { }
            }
        }
        if (airline.tau2()) {
            for (ObjectNode available : seats) {
                available.set(cabin, airline.node(Num.of(available.path(cabin)).minus(Num.integer(travellers))));
            }
        }
        ObjectNode reservation = airline.objectNode();
        reservation.put("reservation_id", reservationId);
        reservation.put("user_id", userId);
        reservation.put("origin", arguments.string("origin"));
        reservation.put("destination", arguments.string("destination"));
        reservation.put("flight_type", arguments.string("flight_type"));
        reservation.put("cabin", cabin);
        reservation.set("flights", booked);
        reservation.set("passengers", airline.stored(passengers));
        reservation.set("payment_history", airline.stored(payments));
        reservation.put("created_at", Airline.NOW);
        reservation.set("total_baggages", airline.stored(Json.tree(arguments.get("total_baggages"))));
        reservation.set("nonfree_baggages", airline.stored(Json.tree(arguments.get("nonfree_baggages"))));
        reservation.put("insurance", arguments.string("insurance"));
        airline.reservations().set(reservationId, reservation);
        ((ArrayNode) user.withArray("reservations")).add(reservationId);
        return airline.tau2() ? Tau2Models.reservation(reservation) : reservation.deepCopy();
    }

    private Num bags() {
        return Num.of(Json.tree(arguments.get("nonfree_baggages")));
    }

    /** A payment's amount; tau-bench adds it up as it is, so anything but a number is its TypeError. */
    private static Num amount(JsonNode value) {
        Num amount = Num.of(value);
        if (amount == null) {
            throw new ToolException("unsupported operand type(s) for +: 'int' and '" + PythonJson.typeName(value) + "'");
        }
        return amount;
    }
}
