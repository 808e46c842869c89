package io.assay.tau.suite;

import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Problem;
import io.assay.tau.DomainTables;
import io.assay.tau.TauVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark folder as published, and where its parts are: the task file, the policy the agent
 * follows, and the domain's database. tau2-bench does not ship the airline database in its
 * repository (its content is tau-bench's three airline files), so a tau2 folder without
 * {@code db.json} reads tau-bench's files, from the folder itself or from the sibling
 * {@code tau1/DOMAIN} folder of the published layout.
 *
 * @param tasks   {@code tasks.json} (tau2) or {@code tasks_test.py} (tau1)
 * @param data    the folder holding {@code db.json} or tau-bench's table files
 * @param version the repository the folder comes from, with its upstream commit when published beside it
 */
record TauFolder(Path directory, TauVersion version, String domain, Path tasks, Path policy, Path data,
                 String upstreamCommit) {
    static final String TAU2_TASKS = "tasks.json";
    static final String TAU1_TASKS = "tasks_test.py";

    static boolean accepts(Path directory) {
        return Files.isRegularFile(directory.resolve(TAU2_TASKS)) && Files.isRegularFile(directory.resolve("policy.md"))
                || Files.isRegularFile(directory.resolve(TAU1_TASKS));
    }

    static TauFolder of(Path directory, String tau2Domain) throws IOException {
        boolean tau2 = Files.isRegularFile(directory.resolve(TAU2_TASKS));
        TauVersion version = tau2 ? TauVersion.TAU2 : TauVersion.TAU1;
        Path tasks = directory.resolve(tau2 ? TAU2_TASKS : TAU1_TASKS);
        Path policy = directory.resolve(tau2 ? "policy.md" : "wiki.md");
        if (!Files.isRegularFile(policy)) {
            throw invalid(policy, "file not found; a " + (tau2 ? "tau2-bench" : "tau-bench")
                    + " domain folder holds the agent's policy beside " + tasks.getFileName());
        }
        String domain = tau2 ? tau2Domain : tau1Domain(directory);
        if (!DomainTables.BY_DOMAIN.containsKey(domain)) {
            throw invalid(tasks, "domain '" + domain + "' has no Assay implementation; supported: airline, retail");
        }
        Path data = findData(directory, domain, tau2);
        return new TauFolder(directory, version, domain, tasks, policy, data, upstreamCommit(directory));
    }

    /** The files the suite is read from, for its content hash. */
    List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(tasks, policy));
        if (Files.isRegularFile(data.resolve(DomainTables.DATABASE))) {
            files.add(data.resolve(DomainTables.DATABASE));
        } else {
            DomainTables.BY_DOMAIN.get(domain).forEach(table -> files.add(data.resolve(table + ".json")));
        }
        Path splits = directory.resolve("split_tasks.json");
        if (version == TauVersion.TAU2 && Files.isRegularFile(splits)) {
            files.add(splits);
        }
        return files;
    }

    /** tau-bench names no domain in its task file; its data files say which one it is. */
    private static String tau1Domain(Path directory) {
        for (Map.Entry<String, List<String>> domain : DomainTables.BY_DOMAIN.entrySet()) {
            if (DomainTables.inFiles(directory, domain.getKey())) {
                return domain.getKey();
            }
        }
        throw invalid(directory, "no domain data; a tau-bench folder holds the airline's flights.json, users.json and"
                + " reservations.json, or the retail shop's products.json, users.json and orders.json");
    }

    private static Path findData(Path directory, String domain, boolean tau2) {
        List<Path> candidates = new ArrayList<>(List.of(directory));
        if (tau2) {
            Optional.ofNullable(directory.toAbsolutePath().normalize().getParent()).map(Path::getParent)
                    .map(root -> root.resolve("tau1").resolve(domain)).ifPresent(candidates::add);
        }
        for (Path candidate : candidates) {
            if (tau2 && Files.isRegularFile(candidate.resolve(DomainTables.DATABASE)) || DomainTables.inFiles(candidate, domain)) {
                return candidate;
            }
        }
        String tables = String.join(", ", DomainTables.BY_DOMAIN.get(domain).stream().map(table -> table + ".json").toList());
        throw invalid(directory, "no " + domain + " database; expected " + (tau2 ? DomainTables.DATABASE + " or " : "") + tables
                + " in " + String.join(" or ", candidates.stream().map(Path::toString).toList()));
    }

    /** The SOURCE_COMMIT the published copy keeps beside the domain folders, if any. */
    private static String upstreamCommit(Path directory) throws IOException {
        Path parent = directory.toAbsolutePath().normalize().getParent();
        Path file = parent == null ? null : parent.resolve("SOURCE_COMMIT");
        return file != null && Files.isRegularFile(file) ? Files.readString(file).strip() : "";
    }

    static InvalidSuiteException invalid(Path file, String message) {
        return new InvalidSuiteException(List.of(new Problem(file, 0, "", message)));
    }
}
