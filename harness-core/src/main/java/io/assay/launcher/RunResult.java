package io.assay.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended.
 *
 * @param directory the run directory
 * @param status the manifest's status: {@link Manifest#COMPLETED}, {@link Manifest#INTERRUPTED},
 *     {@link Manifest#BUDGET_REACHED}, {@link Manifest#ABORTED} or {@link Manifest#FAILED}
 * @param summary the summary of every trial recorded so far
 * @param trialsRun trials finished in this invocation (excluding ones resumed from before)
 * @param warnings problems the user should hear about, such as a failed result sink
 * @param reason why the run was aborted or failed, else {@code null}
 */
public record RunResult(Path directory, String status, Summary summary, long trialsRun, List<String> warnings,
                        String reason) {

    public boolean interrupted() {
        return Manifest.INTERRUPTED.equals(status);
    }

    /** Whether {@code --max-cost} stopped the run before every trial was scheduled. */
    public boolean budgetReached() {
        return Manifest.BUDGET_REACHED.equals(status);
    }

    /** Whether trials kept failing, so the run stopped scheduling them: see {@link #reason()}. */
    public boolean aborted() {
        return Manifest.ABORTED.equals(status);
    }

    /** Whether the run could not start its trials at all: see {@link #reason()}. */
    public boolean failed() {
        return Manifest.FAILED.equals(status);
    }
}
