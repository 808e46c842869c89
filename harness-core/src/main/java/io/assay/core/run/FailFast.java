package io.assay.core.run;

import io.assay.launcher.MaxErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides when a run stops scheduling trials because they keep failing, so that a wrong key or a
 * dead endpoint ends a run in seconds rather than failing every trial, as {@code aborted}:
 * <ul>
 *   <li>{@value #FATAL_STREAK} trials in a row fail the same fatal way (the same error from a
 *       {@link io.assay.spi.FatalEnvironmentException}), or every trial does in a shorter run;</li>
 *   <li>more trials end in errors than {@code --max-errors} allows ({@link MaxErrors}).</li>
 * </ul>
 * A fatal trial is held back until a later one shows that its failure does not persist; it is
 * recorded then, or when the run ends. In an aborted run, held-back trials and those failing
 * fatally afterwards are never recorded, so that resuming the run, once the cause is fixed, runs
 * them again. Thread-safe; trials count in the order they finish.
 */
final class FailFast {
    static final int FATAL_STREAK = 3;

    private final MaxErrors maxErrors;
    /** The fatal trials held back, all with the same error. */
    private final List<FinishedTrial> streak = new ArrayList<>();
    private long finished;
    private long errors;
    /** Volatile: every worker reads it before taking a trial. */
    private volatile String reason;

    /** @param maxErrors the {@code --max-errors} limit, or {@code null} for none */
    FailFast(MaxErrors maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** Counts a finished trial and returns the trials to record now, in the order they finished. */
    synchronized List<FinishedTrial> finished(FinishedTrial trial) {
        if (reason != null) {
            return trial.fatal() ? List.of() : List.of(trial);
        }
        finished++;
        if (!trial.record().outcome().scored()) {
            errors++;
        }
        List<FinishedTrial> record = new ArrayList<>(streak.size() + 1);
        if (!trial.fatal() || (!streak.isEmpty() && !sameError(streak.getFirst(), trial))) {
            record.addAll(streak); // the failure did not persist: those trials count as ordinary errors
            streak.clear();
        }
        if (trial.fatal()) {
            streak.add(trial);
        } else {
            record.add(trial);
        }
        if (streak.size() == FATAL_STREAK) {
            abortForStreak();
        } else if (maxErrors != null && maxErrors.exceeded(errors, finished)) {
            reason = maxErrors.reason(errors, finished);
            streak.clear();
        }
        return record;
    }

    /**
     * The trials still held back when no trial is left to run: none when every trial of this
     * invocation failed the same fatal way, which aborts the run as a longer streak would.
     */
    synchronized List<FinishedTrial> rest() {
        if (reason == null && !streak.isEmpty() && streak.size() == finished) {
            abortForStreak();
        }
        List<FinishedTrial> rest = List.copyOf(streak);
        streak.clear();
        return rest;
    }

    /** Why the run stopped scheduling trials, or {@code null} while it need not. */
    String reason() {
        return reason;
    }

    private void abortForStreak() {
        reason = streak.size() + " trials in a row failed the same way, which would fail every trial: "
                + streak.getLast().record().error();
        streak.clear();
    }

    private static boolean sameError(FinishedTrial a, FinishedTrial b) {
        return Objects.equals(a.record().error(), b.record().error());
    }
}
