package io.assay.tau.airline;

import io.assay.tau.GenericTools;
import io.assay.tau.TauVersion;
import java.util.List;

/**
 * The airline tools of tau2-bench ({@code src/tau2/domains/airline/tools.py}), in its order, with
 * the descriptions its docstrings give and the parameter types its signatures and pydantic models
 * declare. Results are the models' dumps; refusals are its {@code ValueError} messages.
 */
final class Tau2Tools {
    private static final List<String> CABINS = List.of("business", "economy", "basic_economy");
    private static final Schema PASSENGER = new Schema()
            .text("first_name", "Passenger's first name")
            .text("last_name", "Passenger's last name")
            .text("dob", "Date of birth in YYYY-MM-DD format");
    private static final Schema PAYMENT = new Schema()
            .text("payment_id", "Unique identifier for the payment")
            .integer("amount", "Payment amount in dollars");

    private Tau2Tools() {
    }

    static List<AirlineTool> all() {
        return List.of(
                AirlineTool.writing(TauVersion.TAU2, "book_reservation", "Book a reservation.", new Schema()
                                .text("user_id", "The ID of the user to book the reservation such as 'sara_doe_496'`.")
                                .text("origin", "The IATA code for the origin city such as 'SFO'.")
                                .text("destination", "The IATA code for the destination city such as 'JFK'.")
                                .choice("flight_type", "The type of flight such as 'one_way' or 'round_trip'.",
                                        List.of("round_trip", "one_way"))
                                .choice("cabin", "The cabin class such as 'basic_economy', 'economy', or 'business'.",
                                        CABINS)
                                .flights()
                                .passengers(PASSENGER)
                                .paymentMethods(PAYMENT)
                                .integer("total_baggages", "The total number of baggage items to book the reservation.")
                                .integer("nonfree_baggages",
                                        "The number of non-free baggage items to book the reservation.")
                                .choice("insurance", "Whether the reservation has insurance.", List.of("yes", "no")),
                        Booking::book),
                AirlineTool.reading(TauVersion.TAU2, "calculate", "Calculate the result of a mathematical expression.", new Schema()
                                .text("expression", "The mathematical expression to calculate, such as '2 + 2'. The "
                                        + "expression can contain numbers, operators (+, -, *, /), parentheses, and spaces."),
                        GenericTools::calculate),
                AirlineTool.writing(TauVersion.TAU2, "cancel_reservation", "Cancel the whole reservation.", new Schema()
                                .text("reservation_id", "The reservation ID, such as 'ZFA04Y'."),
                        ReservationChanges::cancel),
                AirlineTool.reading(TauVersion.TAU2, "get_reservation_details", "Get the details of a reservation.", new Schema()
                                .text("reservation_id", "The reservation ID, such as '8JX2WO'."),
                        (airline, arguments) -> Tau2Models.reservation(
                                airline.reservation(arguments.string("reservation_id")))),
                AirlineTool.reading(TauVersion.TAU2, "get_user_details", "Get the details of a user, including their reservations.", new Schema()
                                .text("user_id", "The user ID, such as 'sara_doe_496'."),
                        (airline, arguments) -> Tau2Models.user(arguments.string("user_id"),
                                airline.user(arguments.string("user_id")))),
                AirlineTool.reading(TauVersion.TAU2, "list_all_airports", "Returns a list of all available airports.", new Schema(),
                        FlightSearch::airports),
                AirlineTool.reading(TauVersion.TAU2, "search_direct_flight", "Search for direct flights between two cities on a specific date.",
                        Schema.route("2024-01-01"), FlightSearch::direct),
                AirlineTool.reading(TauVersion.TAU2, "search_onestop_flight", "Search for one-stop flights between two cities on a specific date.",
                        Schema.route("2024-05-01"), FlightSearch::oneStopTau2),
                AirlineTool.writing(TauVersion.TAU2, "send_certificate", "Send a certificate to a user. Be careful!", new Schema()
                                .text("user_id", "The ID of the user to book the reservation, such as 'sara_doe_496'.")
                                .integer("amount", "The amount of the certificate to send."),
                        Certificates::send),
                AirlineTool.reading(TauVersion.TAU2, "transfer_to_human_agents", "Transfer the user to a human agent, with a summary of the user's "
                                + "issue.\n\nOnly transfer if\n -  the user explicitly asks for a human agent\n -  given "
                                + "the policy and the available tools, you cannot solve the user's issue.",
                        new Schema().text("summary", "A summary of the user's issue."),
                        GenericTools::transferToHumanAgents),
                AirlineTool.writing(TauVersion.TAU2, "update_reservation_baggages", "Update the baggage information of a reservation.", new Schema()
                                .text("reservation_id", "The reservation ID, such as 'ZFA04Y'")
                                .newBaggages(),
                        ReservationChanges::updateBaggages),
                AirlineTool.writing(TauVersion.TAU2, "update_reservation_flights", "Update the flight information of a reservation.", new Schema()
                                .text("reservation_id", "The reservation ID, such as 'ZFA04Y'.")
                                .choice("cabin", "The cabin class of the reservation", CABINS)
                                .newFlights()
                                .text("payment_id", Schema.PAYMENT_ID),
                        ReservationChanges::updateFlights),
                AirlineTool.writing(TauVersion.TAU2, "update_reservation_passengers", "Update the passenger information of a reservation.",
                        new Schema()
                                .text("reservation_id", "The reservation ID, such as 'ZFA04Y'.")
                                .passengers(PASSENGER),
                        ReservationChanges::updatePassengers),
                AirlineTool.reading(TauVersion.TAU2, "get_flight_status", "Get the status of a flight.", new Schema()
                                .text("flight_number", "The flight number.")
                                .text("date", "The date of the flight."),
                        FlightSearch::status));
    }
}
