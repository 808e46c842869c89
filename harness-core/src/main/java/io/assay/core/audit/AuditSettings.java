package io.assay.core.audit;

import io.assay.core.InputException;
import java.time.Duration;
import java.util.List;

/**
 * How {@code assay audit} runs.
 *
 * @param repeats how many times probes repeat what must be repeatable (oracle trials, grading)
 * @param timeout per agent trial the probes run
 * @param probes the probes to run by name; empty runs all
 */
public record AuditSettings(int repeats, Duration timeout, List<String> probes) {

    public AuditSettings {
        if (repeats < 1) {
            throw new InputException("--repeats must be at least 1, got " + repeats);
        }
        probes = List.copyOf(probes);
    }
}
