package io.assay.core.run;

import io.assay.launcher.Manifest;
import io.assay.core.results.SummaryCalculator;
import java.util.Set;

/**
 * The trials a run already recorded, when it resumes: they are not run again, and the summary has
 * them folded in.
 */
record RecordedTrials(Set<TrialKey> done, SummaryCalculator summary) {

    /** Nothing recorded yet: a new run. */
    static RecordedTrials none(Manifest manifest) {
        return new RecordedTrials(Set.of(), SummaryCalculator.forRun(manifest));
    }
}
