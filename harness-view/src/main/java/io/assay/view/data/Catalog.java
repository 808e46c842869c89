package io.assay.view.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs and audit reports in the folders {@code assay view} was given: a run is a directory
 * holding {@code manifest.json}; an audit report is a {@code .json} file whose top level has the
 * {@code findings} and {@code checklist} of {@code assay audit --format json}. Folders are looked
 * through two levels down ({@code runs/RUN}, {@code results/model/RUN}) on every {@link #scan}, so
 * a run started after the viewer shows up. Ids are directory and file names, made unique with a
 * suffix; pages ask for runs by id only, never by path, so nothing outside these folders is served.
 */
public final class Catalog {
    private static final int DEPTH = 2;
    private static final long LARGEST_AUDIT_BYTES = 64L << 20;
    /** Indexes kept at once: the runs looked at last. A 100,000-trial run's index is about 4 MB. */
    private static final int KEPT_INDEXES = 8;

    private final List<Path> folders;
    private final Map<Path, RunIndex> indexes = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, RunIndex> eldest) {
            return size() > KEPT_INDEXES;
        }
    });
    private volatile Map<String, Path> runs = Map.of();
    private volatile Map<String, Path> audits = Map.of();
    private volatile List<String> problems = List.of();

    /** @throws InputException when a folder does not exist */
    public Catalog(List<Path> folders) {
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                throw new InputException(folder + ": no such folder",
                        "pass the folders that hold your run directories or audit reports (default: runs)");
            }
        }
        this.folders = folders.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        scan();
    }

    /** Looks through the folders again. */
    public synchronized void scan() {
        List<Path> runDirectories = new ArrayList<>();
        List<Path> auditFiles = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path folder : folders) {
            visit(folder, 0, runDirectories, auditFiles, unreadable);
        }
        runs = byName(runDirectories);
        audits = byName(auditFiles);
        problems = List.copyOf(unreadable);
    }

    /** The folders the last scan could not look into, each a line naming it. */
    public List<String> problems() {
        return problems;
    }

    public Map<String, Path> runs() {
        return runs;
    }

    public Map<String, Path> audits() {
        return audits;
    }

    /** The run with this id, indexed and brought up to date. */
    public Optional<RunIndex> run(String id) {
        Path directory = runs.get(id);
        if (directory == null) {
            return Optional.empty();
        }
        RunIndex index = indexes.computeIfAbsent(directory, RunIndex::new);
        index.refresh();
        return Optional.of(index);
    }

    /** The run with this id if it was indexed already, without reading anything. */
    public Optional<RunIndex> indexed(String id) {
        Path directory = runs.get(id);
        return directory == null ? Optional.empty() : Optional.ofNullable(indexes.get(directory));
    }

    private static void visit(Path path, int depth, List<Path> runDirectories, List<Path> auditFiles, List<String> unreadable) {
        if (Files.isRegularFile(path.resolve("manifest.json"))) {
            runDirectories.add(path);
        } else if (Files.isRegularFile(path) && isAuditReport(path)) {
            auditFiles.add(path);
        } else if (Files.isDirectory(path) && depth < DEPTH) {
            try (Stream<Path> children = Files.list(path)) {
                children.sorted().forEach(child -> visit(child, depth + 1, runDirectories, auditFiles, unreadable));
            } catch (IOException | UncheckedIOException e) {
                unreadable.add(path + ": cannot be listed: " + e.getMessage()); // the other folders are still shown
            }
        }
    }

    /** Whether the file is an audit report: reads top-level field names only, skipping their values. */
    private static boolean isAuditReport(Path file) {
        try {
            if (!file.getFileName().toString().endsWith(".json") || Files.size(file) > LARGEST_AUDIT_BYTES) {
                return false;
            }
            boolean findings = false;
            boolean checklist = false;
            try (JsonParser parser = ViewJson.MAPPER.createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    findings |= name.equals("findings");
                    checklist |= name.equals("checklist");
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
            return findings && checklist;
        } catch (IOException e) {
            return false; // not JSON, or unreadable: not an audit report, and so not listed
        }
    }

    /** Each path by its file name; a name met again gets {@code -2}, {@code -3}, ... in the order found. */
    private static Map<String, Path> byName(List<Path> paths) {
        Map<String, Path> named = new LinkedHashMap<>();
        for (Path path : paths) {
            String name = path.getFileName().toString().replaceFirst("\\.json$", "");
            String id = name;
            for (int n = 2; named.containsKey(id); n++) {
                id = name + "-" + n;
            }
            named.put(id, path);
        }
        return Collections.unmodifiableMap(named);
    }
}
