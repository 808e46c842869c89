package io.assay.tau;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The tables of each domain's database: tau-bench publishes one JSON file per table
 * ({@code flights.json}), tau2-bench one {@code db.json} holding them under the same names.
 */
public final class DomainTables {
    /** The domains Assay implements, with their tables. */
    public static final Map<String, List<String>> BY_DOMAIN = Map.of(
            "airline", List.of("flights", "users", "reservations"),
            "retail", List.of("products", "users", "orders"));
    /** tau2-bench's one-file database. */
    public static final String DATABASE = "db.json";

    private DomainTables() {
    }

    /** Whether {@code folder} holds every table file of {@code domain}. */
    public static boolean inFiles(Path folder, String domain) {
        return BY_DOMAIN.get(domain).stream().allMatch(table -> Files.isRegularFile(folder.resolve(table + ".json")));
    }
}
