package io.assay.tau.airline;

import static io.assay.tau.ToolArguments.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.spi.Tool;
import io.assay.tau.TauVersion;
import io.assay.tools.DomainTool;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each version's tool list, and the reading tools' results on the published data. */
class TestAirlineTools {
    private static final List<String> WRITERS = List.of("book_reservation", "cancel_reservation", "send_certificate",
            "update_reservation_baggages", "update_reservation_flights", "update_reservation_passengers");

    private static List<String> names(AirlineFixture airline) {
        return airline.domain.tools().stream().map(tool -> tool.spec().name()).toList();
    }

    @Test
    void eachVersionServesItsUpstreamsToolsAndOnlyTheWritersWrite() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);
        AirlineFixture tau1 = new AirlineFixture(TauVersion.TAU1);

        assertThat(names(tau2)).containsExactly("book_reservation", "calculate", "cancel_reservation",
                "get_reservation_details", "get_user_details", "list_all_airports", "search_direct_flight",
                "search_onestop_flight", "send_certificate", "transfer_to_human_agents", "update_reservation_baggages",
                "update_reservation_flights", "update_reservation_passengers", "get_flight_status");
        assertThat(names(tau1)).containsExactly("book_reservation", "calculate", "cancel_reservation",
                "get_reservation_details", "get_user_details", "list_all_airports", "search_direct_flight",
                "search_onestop_flight", "send_certificate", "think", "transfer_to_human_agents",
                "update_reservation_baggages", "update_reservation_flights", "update_reservation_passengers");
        for (DomainTool tool : tau2.domain.tools()) {
            assertThat(tool.spec().readOnly()).as(tool.spec().name()).isEqualTo(!WRITERS.contains(tool.spec().name()));
        }
    }

    @Test
    void schemasCarryUpstreamsTypesEnumsAndDescriptions() {
        Tool tau2 = new AirlineFixture(TauVersion.TAU2).tool("send_certificate").spec();
        Tool tau1 = new AirlineFixture(TauVersion.TAU1).tool("book_reservation").spec();

        assertThat(tau2.parameters().get("properties")).isEqualTo(Map.of(
                "user_id", Map.of("type", "string",
                        "description", "The ID of the user to book the reservation, such as 'sara_doe_496'."),
                "amount", Map.of("type", "integer", "description", "The amount of the certificate to send.")));
        assertThat(tau2.parameters().get("required")).isEqualTo(List.of("user_id", "amount"));
        Map<?, ?> cabin = (Map<?, ?>) ((Map<?, ?>) tau1.parameters().get("properties")).get("cabin");
        assertThat(cabin).isEqualTo(Map.of("type", "string", "enum", List.of("basic_economy", "economy", "business")));
    }

    @Test
    void theDatabaseIsNeverChangedByATrial() {
        AirlineFixture airline = new AirlineFixture(TauVersion.TAU2);

        airline.call("cancel_reservation", args("reservation_id", "YH238W"));

        assertThat(airline.domain.initialState().path("reservations").path("YH238W").has("status")).isFalse();
    }

    @Test
    void tau2DumpsUsersWithTheirIdAndTau1AsStored() {
        JsonNode tau2 = new AirlineFixture(TauVersion.TAU2).call("get_user_details", args("user_id", "mia_li_3668"));
        JsonNode tau1 = new AirlineFixture(TauVersion.TAU1).call("get_user_details", args("user_id", "mia_li_3668"));

        assertThat(tau2.fieldNames().next()).isEqualTo("user_id");
        assertThat(tau2.path("user_id").asText()).isEqualTo("mia_li_3668");
        assertThat(tau1.has("user_id")).isFalse();
        assertThat(new AirlineFixture(TauVersion.TAU1).refused("get_reservation_details",
                args("reservation_id", "NOPE00"))).as("tau-bench's own words").isEqualTo("user not found");
    }

    @Test
    void searchesListOnlyFlightsThatCanBeBookedThatDay() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);

        JsonNode direct = tau2.call("search_direct_flight", args("origin", "JFK", "destination", "ATL", "date", "2024-05-20"));
        JsonNode oneStop = tau2.call("search_onestop_flight",
                args("origin", "JFK", "destination", "SEA", "date", "2024-05-20"));

        assertThat(direct).isNotEmpty();
        for (JsonNode flight : direct) {
            assertThat(flight.path("status").asText()).isEqualTo("available");
            assertThat(flight.has("date")).isTrue();
        }
        assertThat(oneStop).anySatisfy(pair -> {
            assertThat(pair.get(0).path("flight_number").asText()).isEqualTo("HAT136");
            assertThat(pair.get(1).path("flight_number").asText()).isEqualTo("HAT039");
            assertThat(pair.get(1).path("date").asText()).isEqualTo("2024-05-20");
        });
        assertThat(tau2.call("get_flight_status", args("flight_number", "HAT001", "date", "2024-05-03")).asText())
                .isEqualTo("cancelled");
        assertThat(new AirlineFixture(TauVersion.TAU1).call("list_all_airports", Map.of()).path("LGA").asText())
                .isEqualTo("LaGuardia");
        assertThat(tau2.call("list_all_airports", Map.of()).get(0).toString())
                .isEqualTo("{\"iata\":\"SFO\",\"city\":\"San Francisco\"}");
    }

    @Test
    void calculateIsPythonsEvalRoundedToTwoDecimals() {
        AirlineFixture tau2 = new AirlineFixture(TauVersion.TAU2);
        assertThat(Stream.of("2 + 2", "(152 + 103) * 2 / 3", "10 / 3", "-2**2", "7 // 2")
                .map(expression -> tau2.call("calculate", args("expression", expression)).asText()))
                .containsExactly("4.0", "170.0", "3.33", "-4.0", "3.0");
        assertThat(tau2.refused("calculate", args("expression", "1 / 0"))).isEqualTo("division by zero");
        assertThat(tau2.refused("calculate", args("expression", "2 +"))).isEqualTo("invalid syntax (<string>, line 1)");
        assertThat(new AirlineFixture(TauVersion.TAU2).refused("calculate", args("expression", "2 ^ 3")))
                .isEqualTo("Invalid characters in expression");
        assertThat(new AirlineFixture(TauVersion.TAU1).refused("calculate", args("expression", "abs(3)")))
                .isEqualTo("invalid characters in expression");
    }
}
