package io.assay.core.run;

/** Identifies a trial within a run: which task, which repetition. */
public record TrialKey(String task, int epoch) {
}
