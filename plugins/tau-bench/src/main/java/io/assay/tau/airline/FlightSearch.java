package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tools.ToolException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading tools on flights: searches for direct and one-stop flights that can be booked on a
 * date, a flight's status, and the airports. A one-stop search keeps upstream's date arithmetic: an
 * arrival marked {@code +1} moves the second leg to {@code 2024-05-<day + 1>}, unpadded.
 */
final class FlightSearch {
    static final Map<String, String> AIRPORTS = airports();

    private FlightSearch() {
    }

    static JsonNode direct(Airline airline, Options arguments) {
        String date = arguments.string("date");
        ArrayNode results = airline.arrayNode();
        for (JsonNode flight : airline.flights()) {
            if (flight.path("origin").asText().equals(arguments.string("origin"))
                    && flight.path("destination").asText().equals(arguments.string("destination"))
                    && available(flight, date)) {
                results.add(airline.tau2() ? directFlight(flight, date) : withDay(flight, date));
            }
        }
        return results;
    }

    /** tau2-bench: each bookable first leg from the origin, with each bookable second leg leaving after it lands. */
    static JsonNode oneStopTau2(Airline airline, Options arguments) {
        String date = arguments.string("date");
        ArrayNode results = airline.arrayNode();
        for (JsonNode first : airline.flights()) {
            if (!first.path("origin").asText().equals(arguments.string("origin")) || !available(first, date)) {
                continue;
            }
            String arrival = first.path("scheduled_arrival_time_est").asText();
            String secondDate = arrival.contains("+1") ? nextDay(date) : date;
            for (JsonNode second : airline.flights()) {
                if (second.path("origin").asText().equals(first.path("destination").asText())
                        && second.path("destination").asText().equals(arguments.string("destination"))
                        && available(second, secondDate)
                        && second.path("scheduled_departure_time_est").asText().compareTo(arrival) >= 0) {
                    ObjectNode leg1 = directFlight(first, date);
                    leg1.put("date", date);
                    ObjectNode leg2 = directFlight(second, secondDate);
                    leg2.put("date", secondDate);
                    results.add(airline.arrayNode().add(leg1).add(leg2));
                }
            }
        }
        return results;
    }

    /**
     * tau-bench: pairs of connecting flights, as its search builds them; its second leg shows the
     * seats and prices of the first leg's date (a KeyError when that flight does not fly then).
     */
    static JsonNode oneStopTau1(Airline airline, Options arguments) {
        String date = arguments.string("date");
        ArrayNode results = airline.arrayNode();
        for (JsonNode first : airline.flights()) {
            if (!first.path("origin").asText().equals(arguments.string("origin"))) {
                continue;
            }
            for (JsonNode second : airline.flights()) {
                if (!second.path("destination").asText().equals(arguments.string("destination"))
                        || !first.path("destination").asText().equals(second.path("origin").asText())) {
                    continue;
                }
                String arrival = first.path("scheduled_arrival_time_est").asText();
                String secondDate = arrival.contains("+1") ? nextDay(date) : date;
                if (arrival.compareTo(second.path("scheduled_departure_time_est").asText()) > 0) {
                    continue;
                }
                if (available(first, date) && available(second, secondDate)) {
                    ObjectNode leg1 = withDay(first, date);
                    leg1.put("date", date);
                    if (!second.path("dates").has(date)) {
                        throw new ToolException(Airline.keyError(date));
                    }
                    ObjectNode leg2 = withDay(second, date);
                    leg2.put("date", secondDate);
                    results.add(airline.arrayNode().add(leg1).add(leg2));
                }
            }
        }
        return results;
    }

    static JsonNode status(Airline airline, Options arguments) {
        return airline.flightOn(arguments.string("flight_number"), arguments.string("date")).path("status").deepCopy();
    }

    /** tau-bench maps each code to its city; tau2-bench lists {@code {iata, city}} objects. */
    static JsonNode airports(Airline airline, Options arguments) {
        if (!airline.tau2()) {
            ObjectNode cities = airline.objectNode();
            AIRPORTS.forEach(cities::put);
            return cities;
        }
        ArrayNode list = airline.arrayNode();
        AIRPORTS.forEach((iata, city) -> list.add(airline.objectNode().put("iata", iata).put("city", city)));
        return list;
    }

    private static boolean available(JsonNode flight, String date) {
        return flight.path("dates").path(date).path("status").asText().equals("available");
    }

    /** tau-bench's result: the flight without its dates, then that date's status, seats and prices. */
    private static ObjectNode withDay(JsonNode flight, String date) {
        ObjectNode result = ((ObjectNode) flight).deepCopy();
        result.remove("dates");
        result.setAll((ObjectNode) flight.path("dates").path(date).deepCopy());
        return result;
    }

    /** tau2-bench's {@code DirectFlight}, as dumped; its date is set only by the one-stop search. */
    private static ObjectNode directFlight(JsonNode flight, String date) {
        JsonNode day = flight.path("dates").path(date);
        ObjectNode result = ((ObjectNode) flight).objectNode();
        for (String field : List.of("flight_number", "origin", "destination")) {
            result.set(field, flight.path(field).deepCopy());
        }
        result.put("status", "available");
        result.set("scheduled_departure_time_est", flight.path("scheduled_departure_time_est").deepCopy());
        result.set("scheduled_arrival_time_est", flight.path("scheduled_arrival_time_est").deepCopy());
        result.set("date", NullNode.getInstance());
        result.set("available_seats", day.path("available_seats").deepCopy());
        result.set("prices", day.path("prices").deepCopy());
        return result;
    }

    /** Upstream's {@code f"2024-05-{int(date[-2:]) + 1}"}, with Python's error for a date that does not end in a number. */
    private static String nextDay(String date) {
        String day = date.length() <= 2 ? date : date.substring(date.length() - 2);
        String digits = day.strip();
        if (!digits.matches("[+-]?\\d+")) {
            throw new ToolException("invalid literal for int() with base 10: '" + day + "'");
        }
        return "2024-05-" + (Integer.parseInt(digits) + 1);
    }

    private static Map<String, String> airports() {
        List<String> codes = List.of("SFO", "JFK", "LAX", "ORD", "DFW", "DEN", "SEA", "ATL", "MIA", "BOS", "PHX", "IAH",
                "LAS", "MCO", "EWR", "CLT", "MSP", "DTW", "PHL", "LGA");
        List<String> cities = List.of("San Francisco", "New York", "Los Angeles", "Chicago", "Dallas", "Denver",
                "Seattle", "Atlanta", "Miami", "Boston", "Phoenix", "Houston", "Las Vegas", "Orlando", "Newark",
                "Charlotte", "Minneapolis", "Detroit", "Philadelphia", "LaGuardia");
        Map<String, String> airports = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            airports.put(codes.get(i), cities.get(i));
        }
        return Collections.unmodifiableMap(airports);
    }
}
