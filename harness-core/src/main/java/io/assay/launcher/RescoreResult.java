package io.assay.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code assay rescore} did: a new run directory with the outputs graded again.
 *
 * @param manifest the new run's manifest
 * @param run the new run, completed, with its summary
 * @param regraded trials graded again
 * @param kept trials that kept their grade, as their check grades an end state that cannot be rebuilt
 * @param changes trials whose verdict or score moved, such as {@code t1 epoch 0: fail 0.0 -> pass 1.0}; at most 50
 */
public record RescoreResult(Manifest manifest, RunResult run, long regraded, long kept, List<String> changes) {

    /** The new run directory. */
    public Path directory() {
        return run.directory();
    }
}
