package io.assay.tau.retail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Tool;
import io.assay.tau.GenericTools;
import io.assay.tau.TauDomain;
import io.assay.tau.TauVersion;
import io.assay.tools.DomainTool;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The retail domain of tau-bench (tau1) and tau2-bench as upstream defines it: an online shop of
 * 50 products, 500 users and 1,000 orders whose agent looks users and orders up and cancels,
 * changes, returns and exchanges orders under the policy. Each version has its own tools, with
 * upstream's names, parameters, descriptions, results and refusals ({@code tools-tau1.json},
 * {@code tools-tau2.json} hold the specs upstream shows the agent).
 *
 * <p>The database has tau2's {@code db.json} layout, {@code {products, users, orders}} keyed by id
 * (for tau1: {@code products.json}, {@code users.json}, {@code orders.json} under those keys). A
 * tau2 domain keeps it as tau2's pydantic models dump it ({@link Tau2Records}); a tau1 domain as
 * given, since tau-bench's tools work on the raw JSON.
 *
 * <pre>{@code
 * ObjectNode db = (ObjectNode) mapper.readTree(Path.of("tau2/retail/db.json").toFile());
 * Domain retail = new RetailDomain(db, Files.readString(Path.of("tau2/retail/policy.md")), TauVersion.TAU2);
 * }</pre>
 */
public final class RetailDomain extends TauDomain {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, RetailTool.Behaviour> BEHAVIOURS = Stream.of(AccountTools.all(),
                    CatalogTools.all(), OrderTools.all(), ItemTools.all(), List.of(
                            RetailTool.Behaviour.reading("calculate", GenericTools::calculate),
                            RetailTool.Behaviour.reading("think", GenericTools::think),
                            RetailTool.Behaviour.reading("transfer_to_human_agents", GenericTools::transferToHumanAgents)))
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableMap(RetailTool.Behaviour::name, Function.identity()));

    /**
     * @param database {@code {products, users, orders}}, not changed or kept
     * @throws IllegalArgumentException when a tau2 database does not fit tau2's models (names the field)
     */
    public RetailDomain(ObjectNode database, String policy, TauVersion version) {
        super(initial(Objects.requireNonNull(database, "database"), version), policy == null ? "" : policy,
                tools(version));
    }

    /** tau2's tools work on its pydantic models' dumps; tau-bench's on the raw JSON. */
    private static ObjectNode initial(ObjectNode database, TauVersion version) {
        return version == TauVersion.TAU2 ? Tau2Records.normalise(database) : database;
    }

    /** The version's tools in upstream's order, each spec bound to its behaviour. */
    private static List<DomainTool> tools(TauVersion version) {
        List<DomainTool> tools = new ArrayList<>();
        for (JsonNode spec : specs(version)) {
            String name = spec.path("name").asText();
            RetailTool.Behaviour behaviour = BEHAVIOURS.get(name);
            if (behaviour == null) {
                throw new IllegalStateException("tools-" + version.name().toLowerCase(Locale.ROOT)
                        + ".json names tool '" + name + "', which the retail domain does not implement");
            }
            Map<String, Object> parameters = MAPPER.convertValue(spec.path("parameters"), new TypeReference<>() { });
            tools.add(new RetailTool(new Tool(name, spec.path("description").asText(), parameters, behaviour.readOnly()),
                    version, behaviour));
        }
        return List.copyOf(tools);
    }

    private static JsonNode specs(TauVersion version) {
        String resource = "tools-" + version.name().toLowerCase(Locale.ROOT) + ".json";
        try (InputStream in = RetailDomain.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("io/assay/tau/retail/" + resource + " is missing from the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read io/assay/tau/retail/" + resource + ": " + e.getMessage(), e);
        }
    }
}
