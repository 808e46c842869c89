package io.assay.tau.airline;

import io.assay.tau.GenericTools;
import io.assay.tau.TauVersion;
import java.util.List;

/**
 * The airline tools of tau-bench ({@code tau_bench/envs/airline/tools/}, in {@code ALL_TOOLS}
 * order), with the names, descriptions and parameter schemas their {@code get_info()} declares.
 * Results are what each tool returns; its {@code "Error: ..."} strings are refusals here.
 */
final class Tau1Tools {
    private static final List<String> CABINS = List.of("basic_economy", "economy", "business");
    private static final String RESERVATION_ID = "The reservation ID, such as 'ZFA04Y'.";
    private static final Schema PASSENGER = new Schema()
            .text("first_name", "The first name of the passenger, such as 'Noah'.")
            .text("last_name", "The last name of the passenger, such as 'Brown'.")
            .text("dob", "The date of birth of the passenger in the format 'YYYY-MM-DD', such as '1990-01-01'.");
    private static final Schema PAYMENT = new Schema()
            .text("payment_id", Schema.PAYMENT_ID)
            .number("amount", "The amount to be paid.");
    private static final TauVersion TAU1 = TauVersion.TAU1;

    private Tau1Tools() {
    }

    static List<AirlineTool> all() {
        return List.of(
                AirlineTool.writing(TAU1, "book_reservation", "Book a reservation.", new Schema()
                                .text("user_id", "The ID of the user to book the reservation, such as 'sara_doe_496'.")
                                .text("origin", "The IATA code for the origin city, such as 'SFO'.")
                                .text("destination", "The IATA code for the destination city, such as 'JFK'.")
                                .choice("flight_type", null, List.of("one_way", "round_trip"))
                                .choice("cabin", null, CABINS)
                                .flights()
                                .passengers(PASSENGER)
                                .paymentMethods(PAYMENT)
                                .integer("total_baggages",
                                        "The total number of baggage items included in the reservation.")
                                .integer("nonfree_baggages",
                                        "The number of non-free baggage items included in the reservation.")
                                .choice("insurance", null, List.of("yes", "no")),
                        Booking::book),
                AirlineTool.reading(TAU1, "calculate", "Calculate the result of a mathematical expression.", new Schema()
                                .text("expression", "The mathematical expression to calculate, such as '2 + 2'. The "
                                        + "expression can contain numbers, operators (+, -, *, /), parentheses, and spaces."),
                        GenericTools::calculate),
                AirlineTool.writing(TAU1, "cancel_reservation", "Cancel the whole reservation.",
                        new Schema().text("reservation_id", RESERVATION_ID),
                        ReservationChanges::cancel),
                AirlineTool.reading(TAU1, "get_reservation_details", "Get the details of a reservation.",
                        new Schema().text("reservation_id", "The reservation id, such as '8JX2WO'."),
                        // tau-bench's own words for a missing reservation.
                        (airline, arguments) -> airline.reservation(arguments.string("reservation_id"), "user not found")
                                .deepCopy()),
                AirlineTool.reading(TAU1, "get_user_details", "Get the details of an user, including their reservations.",
                        new Schema().text("user_id", "The user id, such as 'sara_doe_496'."),
                        (airline, arguments) -> airline.user(arguments.string("user_id")).deepCopy()),
                AirlineTool.reading(TAU1, "list_all_airports", "List all airports and their cities.", new Schema(),
                        FlightSearch::airports),
                AirlineTool.reading(TAU1, "search_direct_flight",
                        "Search direct flights between two cities on a specific date.", Schema.route("2024-01-01"),
                        FlightSearch::direct),
                // Upstream describes the one-stop search with the direct search's words.
                AirlineTool.reading(TAU1, "search_onestop_flight",
                        "Search direct flights between two cities on a specific date.", Schema.route("2024-05-01"),
                        FlightSearch::oneStopTau1),
                AirlineTool.writing(TAU1, "send_certificate", "Send a certificate to a user. Be careful!", new Schema()
                                .text("user_id", "The ID of the user to book the reservation, such as 'sara_doe_496'.")
                                .number("amount", "Certificate amount to send."),
                        Certificates::send),
                AirlineTool.reading(TAU1, "think", "Use the tool to think about something. It will not obtain new "
                                + "information or change the database, but just append the thought to the log. Use it "
                                + "when complex reasoning is needed.",
                        new Schema().text("thought", "A thought to think about."),
                        GenericTools::think),
                AirlineTool.reading(TAU1, "transfer_to_human_agents", "Transfer the user to a human agent, with a "
                                + "summary of the user's issue. Only transfer if the user explicitly asks for a human "
                                + "agent, or if the user's issue cannot be resolved by the agent with the available "
                                + "tools.",
                        new Schema().text("summary", "A summary of the user's issue."),
                        GenericTools::transferToHumanAgents),
                AirlineTool.writing(TAU1, "update_reservation_baggages", "Update the baggage information of a reservation.",
                        new Schema()
                                .text("reservation_id", RESERVATION_ID)
                                .newBaggages(),
                        ReservationChanges::updateBaggages),
                AirlineTool.writing(TAU1, "update_reservation_flights", "Update the flight information of a reservation.",
                        new Schema()
                                .text("reservation_id", RESERVATION_ID)
                                .choice("cabin", null, CABINS)
                                .newFlights()
                                .text("payment_id", Schema.PAYMENT_ID),
                        ReservationChanges::updateFlights),
                AirlineTool.writing(TAU1, "update_reservation_passengers",
                        "Update the passenger information of a reservation.", new Schema()
                                .text("reservation_id", RESERVATION_ID)
                                .passengers(PASSENGER),
                        ReservationChanges::updatePassengers));
    }
}
