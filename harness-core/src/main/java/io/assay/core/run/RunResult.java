package io.assay.core.run;

import io.assay.core.results.Summary;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended.
 *
 * @param directory the run directory
 * @param status {@link Manifest#COMPLETED} or {@link Manifest#INTERRUPTED}
 * @param summary the summary of every trial recorded so far
 * @param trialsRun trials finished in this invocation (excluding ones resumed from before)
 * @param warnings problems the user should hear about, such as a failed result sink
 */
public record RunResult(Path directory, String status, Summary summary, long trialsRun, List<String> warnings) {

    public boolean interrupted() {
        return Manifest.INTERRUPTED.equals(status);
    }

    /** Whether {@code --max-cost} stopped the run before every trial was scheduled. */
    public boolean budgetReached() {
        return Manifest.BUDGET_REACHED.equals(status);
    }
}
