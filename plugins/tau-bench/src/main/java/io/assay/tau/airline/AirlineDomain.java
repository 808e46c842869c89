package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.tau.TauDomain;
import io.assay.tau.TauVersion;
import java.util.List;
import java.util.Objects;

/**
 * The airline of tau-bench and tau2-bench: flights with their status, seats and prices by date,
 * users with payment methods (credit cards, gift cards, certificates), and their reservations. Its
 * tools are those of the benchmark version, with upstream's names, parameters, results and refusals:
 * tau2-bench's 14 ({@code get_flight_status} among them, no {@code think}) or tau-bench's 14
 * ({@code think}, no {@code get_flight_status}).
 *
 * <p>Upstream is deterministic already and so is this: new reservations take upstream's ids
 * {@code HATHAT}, {@code HATHAU}, {@code HATHAV}, certificates {@code certificate_3221322} and the
 * next two, and {@code created_at} is upstream's fixed {@code 2024-05-15T15:00:00}.
 *
 * <pre>{@code
 * ObjectNode db = ...;   // {"flights": {...}, "users": {...}, "reservations": {...}}, tau2's db.json
 * Domain airline = new AirlineDomain(db, Files.readString(policy), TauVersion.TAU2);
 * }</pre>
 */
public final class AirlineDomain extends TauDomain {
    private static final List<String> TABLES = List.of("flights", "users", "reservations");

    /**
     * @param database tau2-bench's {@code db.json} layout (tau-bench's three files under these keys);
     *                 never changed, every trial gets a copy
     * @param policy the rules the agent is told to follow ({@code policy.md} or {@code wiki.md})
     * @param version whose tools to serve
     */
    public AirlineDomain(ObjectNode database, String policy, TauVersion version) {
        super(checked(database), Objects.requireNonNull(policy, "policy"),
                version == TauVersion.TAU2 ? Tau2Tools.all() : Tau1Tools.all());
    }

    private static ObjectNode checked(ObjectNode database) {
        for (String table : TABLES) {
            JsonNode records = database.get(table);
            if (records == null || !records.isObject()) {
                throw new IllegalArgumentException("airline database: \"" + table
                        + "\" must be an object of records keyed by id, got "
                        + (records == null ? "nothing" : records.getNodeType().toString().toLowerCase()));
            }
        }
        return database;
    }
}
