package io.assay.docker;

import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Two fresh trials of the same task must start from the same file system (ABC T.4). The first
 * trial's agent fingerprints every file (sha256 of each, outside /proc, /sys and /dev), then leaves
 * marker files in the working directory and /tmp; the second fingerprints again. A difference means
 * trials are not comparable: state leaks from one to the next (a marker survives: a reused
 * container, a shared volume), or the start state is generated anew each time (an entrypoint that
 * writes times, random data or downloads). OSWorld's drifting live websites and leaked state
 * between tasks are the incidents this mirrors.
 */
public final class StateResetProbe extends SandboxProbe {
    private static final List<String> ABC = List.of("T.4");
    private static final int SHOWN_PATHS = 20;

    @Override
    public String name() {
        return "state-reset";
    }

    @Override
    public String description() {
        return "every trial of a sandboxed task starts from the same file system";
    }

    @Override
    public List<String> covers() {
        return ABC;
    }

    @Override
    List<Finding> auditTask(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception {
        String marker = ".assay-state-reset-" + UUID.randomUUID();
        SandboxTrial<Map<String, String>> first = suite.ungradedTrial(task, 0, sandbox -> {
            SandboxShell shell = new SandboxShell(sandbox);
            Map<String, String> start = shell.contentHashes();
            shell.writeFile(shell.workingDirectory() + "/" + marker, "left by the first trial\n");
            shell.writeFile("/tmp/" + marker, "left by the first trial\n");
            return start;
        });
        if (!first.finished()) {
            return List.of(first.notChecked(name(), ABC, task, "Whether trials start from the same state"));
        }
        SandboxTrial<Map<String, String>> second = suite.ungradedTrial(task, 1,
                sandbox -> new SandboxShell(sandbox).contentHashes());
        if (!second.finished()) {
            return List.of(second.notChecked(name(), ABC, task, "Whether trials start from the same state"));
        }
        List<Map<String, Object>> differences = differences(first.found(), second.found());
        if (differences.isEmpty()) {
            return List.of();
        }
        List<String> leaked = second.found().keySet().stream().filter(path -> path.endsWith("/" + marker)).toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("differing_paths", differences.size());
        evidence.put("differences", differences.stream().limit(SHOWN_PATHS).toList());
        evidence.put("files_compared", first.found().size());
        if (!leaked.isEmpty()) {
            evidence.put("markers_from_first_trial", leaked);
        }
        String shown = String.join(", ", differences.stream().limit(5).map(d -> (String) d.get("path")).toList());
        String message = leaked.isEmpty()
                ? "Two fresh trials started from different file systems (" + differences.size()
                        + (differences.size() == 1 ? " path differs: " : " paths differ: ")
                        + shown + "), so trials are not comparable. Fix: build the start state into the image "
                        + "deterministically instead of generating it when the container starts (no times, random "
                        + "data or downloads in an entrypoint)."
                : "A file the first trial wrote was there when the second trial started (" + String.join(", ", leaked)
                        + "): trials share state, so one trial's work leaks into the next. Fix: give every trial a "
                        + "fresh container with no shared volumes or reused containers.";
        return List.of(new Finding(name(), ABC, Severity.ERROR, task.id(), message, evidence, leaked.isEmpty()
                ? "two fresh trials start from different file systems" : "a file one trial wrote is there when the next starts"));
    }

    private static List<Map<String, Object>> differences(Map<String, String> first, Map<String, String> second) {
        Set<String> paths = new TreeSet<>(first.keySet());
        paths.addAll(second.keySet());
        List<Map<String, Object>> differences = new ArrayList<>();
        for (String path : paths) {
            if (!SandboxShell.PER_CONTAINER.contains(path) && !Objects.equals(first.get(path), second.get(path))) {
                Map<String, Object> difference = new LinkedHashMap<>();
                difference.put("path", path);
                difference.put("first", Objects.requireNonNullElse(first.get(path), "(absent)"));
                difference.put("second", Objects.requireNonNullElse(second.get(path), "(absent)"));
                differences.add(difference);
            }
        }
        return differences;
    }
}
