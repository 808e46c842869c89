package io.assay.launcher;

import io.assay.spi.TrialRecord;

/** Hears about a run's progress, to show it. Called from many threads; must be cheap and thread-safe. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** Before the first trial. */
    default void started(long total, long alreadyDone) {
    }

    /** After each trial is recorded. */
    default void trialFinished(TrialRecord record) {
    }

    /** After the last trial, or after an interruption. */
    default void finished() {
    }
}
