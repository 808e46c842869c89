package io.assay.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@code assay audit} runs.
 *
 * @param repeats how many times probes repeat what must be repeatable (oracle trials, grading)
 * @param timeout per agent trial the probes run
 * @param probes the probes to run by name; empty runs all
 * @param selection the tasks to audit; {@code sample} draws with {@code seed}
 * @param seed the seed of {@code --sample}
 */
public record AuditSettings(int repeats, Duration timeout, List<String> probes, TaskSelection selection, long seed) {

    /** Settings that audit every task. */
    public AuditSettings(int repeats, Duration timeout, List<String> probes) {
        this(repeats, timeout, probes, TaskSelection.ALL, 0);
    }

    public AuditSettings {
        if (repeats < 1) {
            throw new InputException("--repeats must be at least 1, got " + repeats);
        }
        probes = List.copyOf(probes);
        Objects.requireNonNull(selection, "selection");
    }
}
