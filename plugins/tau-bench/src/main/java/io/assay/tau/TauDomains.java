package io.assay.tau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.tau.airline.AirlineDomain;
import io.assay.tau.retail.RetailDomain;
import io.assay.tools.Domain;
import io.assay.tools.DomainLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code tau} environment's domains: {@code {type: tau, domain: airline, version: tau2, data:
 * DIR, policy: FILE}}, which the tau suite loader writes. Each domain is built once, its database
 * frozen and shared; every trial works on its own copy of what it writes ({@link Domain#initialState()}).
 */
final class TauDomains implements DomainLoader {
    /**
     * Built when a domain is first read, not when the plugin lists its environments: every command
     * lists them, and building a mapper with this plugin's own Jackson costs a cold start about 20 ms.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    /** Built once per folder, version and policy: building one reads and freezes megabytes. */
    private final Map<List<Object>, Domain> domains = new ConcurrentHashMap<>();

    @Override
    public Domain load(Options options) {
        options.allowOnly("type", "domain", "version", "data", "policy");
        String domain = options.string("domain");
        if (!DomainTables.BY_DOMAIN.containsKey(domain)) {
            throw new InvalidOptionException(options.field("domain"), "expected airline or retail, got " + Options.describe(domain));
        }
        TauVersion version = version(options);
        Path data = Path.of(options.string("data")).toAbsolutePath().normalize();
        Path policyFile = Path.of(options.string("policy")).toAbsolutePath().normalize();
        return domains.computeIfAbsent(List.of(domain, version, data, policyFile), key -> {
            ObjectNode database = read(data, domain, options.field("data"));
            String policy = read(policyFile, options.field("policy"));
            return domain.equals("airline") ? new AirlineDomain(database, policy, version)
                    : new RetailDomain(database, policy, version);
        });
    }

    private static TauVersion version(Options options) {
        String version = options.string("version", "tau2");
        try {
            return TauVersion.valueOf(version.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(options.field("version"), "expected tau1 or tau2, got " + Options.describe(version));
        }
    }

    /** {@code db.json}, or tau-bench's one file per table gathered under the table names. */
    private static ObjectNode read(Path folder, String domain, String field) {
        try {
            Path database = folder.resolve(DomainTables.DATABASE);
            if (Files.isRegularFile(database)) {
                return (ObjectNode) Json.MAPPER.readTree(database.toFile());
            }
            ObjectNode tables = Json.MAPPER.createObjectNode();
            for (String table : DomainTables.BY_DOMAIN.get(domain)) {
                Path file = folder.resolve(table + ".json");
                if (!Files.isRegularFile(file)) {
                    throw new InvalidOptionException(field, "no db.json and no " + file.getFileName() + " in " + folder);
                }
                JsonNode content = Json.MAPPER.readTree(file.toFile());
                tables.set(table, content);
            }
            return tables;
        } catch (IOException e) {
            throw new InvalidOptionException(field, "cannot read the " + domain + " database in " + folder + ": " + e.getMessage());
        }
    }

    private static String read(Path file, String field) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidOptionException(field, "cannot read the policy " + file + ": " + e.getMessage());
        }
    }
}
