package io.assay.launcher;

import io.assay.spi.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code assay audit} runs.
 *
 * @param repeats how many times probes repeat what must be repeatable (oracle trials, grading)
 * @param timeout per agent trial the probes run
 * @param probes the probes to run by name; empty runs all
 * @param selection the tasks to audit; {@code sample} draws with {@code seed}
 * @param seed the seed of {@code --sample}
 * @param environmentOptions set over the suite's environment spec, as for a run ({@link RunSettings#environmentOptions})
 * @param checkDefaults options by reward-check type, as for a run ({@link RunSettings#checkDefaults})
 * @param addedProbes probes the front end brings beside the plugins' ones, such as the one that
 *                    needs {@code --model} ({@link AddedProbe})
 * @param concurrency how many trials the probes, which all run at once, may have under way together
 *                    ({@code --concurrency}); see {@link #DEFAULT_CONCURRENCY}
 */
public record AuditSettings(int repeats, Duration timeout, List<String> probes, TaskSelection selection, long seed,
                            Options environmentOptions, Map<String, Options> checkDefaults,
                            List<AddedProbe> addedProbes, int concurrency) {
    /**
     * Trials at once by default: two per core (4 on the 2-core reference machine, what the sandbox
     * probes allowed each probe before they ran at once). A sandboxed trial mostly waits on the
     * Docker engine (container start, exec, removal), whose work needs the same cores, so more than
     * that only queue in the engine.
     */
    public static final int DEFAULT_CONCURRENCY = 2 * Runtime.getRuntime().availableProcessors();

    /** Settings that audit every task, with the suite's environment as it is and no check defaults. */
    public AuditSettings(int repeats, Duration timeout, List<String> probes) {
        this(repeats, timeout, probes, TaskSelection.ALL, 0, Options.empty(), Map.of());
    }

    /** Settings with the plugins' probes only. */
    public AuditSettings(int repeats, Duration timeout, List<String> probes, TaskSelection selection, long seed,
                         Options environmentOptions, Map<String, Options> checkDefaults) {
        this(repeats, timeout, probes, selection, seed, environmentOptions, checkDefaults, List.of());
    }

    /** Settings with {@link #DEFAULT_CONCURRENCY}. */
    public AuditSettings(int repeats, Duration timeout, List<String> probes, TaskSelection selection, long seed,
                         Options environmentOptions, Map<String, Options> checkDefaults, List<AddedProbe> addedProbes) {
        this(repeats, timeout, probes, selection, seed, environmentOptions, checkDefaults, addedProbes,
                DEFAULT_CONCURRENCY);
    }

    public AuditSettings {
        if (repeats < 1) {
            throw new InputException("--repeats must be at least 1, got " + repeats);
        }
        if (concurrency < 1) {
            throw new InputException("--concurrency must be at least 1, got " + concurrency,
                    "it is how many trials the probes run at once, for example --concurrency " + DEFAULT_CONCURRENCY);
        }
        probes = List.copyOf(probes);
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(environmentOptions, "environmentOptions");
        checkDefaults = Map.copyOf(checkDefaults);
        addedProbes = List.copyOf(addedProbes);
    }
}
