package io.assay.core.run;

import io.assay.spi.Task;
import io.assay.spi.TrialRecord;

/**
 * A trial as it ended: its task, its record, and whether it failed with a
 * {@link io.assay.spi.FatalEnvironmentException}, which would fail every other trial the same way.
 */
record FinishedTrial(Task task, TrialRecord record, boolean fatal) {
}
