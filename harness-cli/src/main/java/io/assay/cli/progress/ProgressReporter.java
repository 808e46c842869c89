package io.assay.cli.progress;

import io.assay.launcher.ProgressListener;
import io.assay.kit.Plural;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Shows done/total, rate, ETA and the pass rate so far. Trials only bump counters; a single
 * daemon thread renders them, so progress costs the hot path a few nanoseconds.
 */
public final class ProgressReporter implements ProgressListener {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean bar;
    private final Duration interval;
    private final LongAdder done = new LongAdder();
    private final LongAdder passed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "assay-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long total;
    private volatile long resumed;
    private volatile long startNanos;

    ProgressReporter(PrintWriter err, boolean bar, Duration interval) {
        this.err = err;
        this.bar = bar;
        this.interval = interval;
    }

    /** The listener for a mode; {@code AUTO} draws a bar only when stderr is a terminal. */
    public static ProgressListener create(ProgressMode mode, PrintWriter err) {
        return forMode(mode, err).<ProgressListener>map(reporter -> reporter).orElse(ProgressListener.NONE);
    }

    /** The reporter for a mode, none for {@code NONE}; {@code AUTO} draws a bar only when stderr is a terminal. */
    public static Optional<ProgressReporter> forMode(ProgressMode mode, PrintWriter err) {
        return switch (mode) {
            case NONE -> Optional.empty();
            case BAR -> Optional.of(new ProgressReporter(err, true, Duration.ofMillis(200)));
            case LINES -> Optional.of(new ProgressReporter(err, false, Duration.ofSeconds(10)));
            case AUTO -> Optional.of(Terminal.stderrIsInteractive()
                    ? new ProgressReporter(err, true, Duration.ofMillis(200))
                    : new ProgressReporter(err, false, Duration.ofSeconds(10)));
        };
    }

    @Override
    public void started(long total, long alreadyDone) {
        this.total = total;
        this.resumed = alreadyDone;
        this.startNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(this::render, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void trialFinished(TrialRecord record) {
        trialRecorded(record.outcome(), record.passed());
    }

    /** Counts a trial as read back from its line, when another process ran it (a shard on a cluster). */
    public void trialRecorded(Outcome outcome, boolean solved) {
        done.increment();
        if (solved) {
            passed.increment();
        }
        if (!outcome.scored()) {
            errors.increment();
        }
    }

    @Override
    public void finished() {
        ticker.shutdownNow();
        render();
        if (bar) {
            err.println();
        }
        err.flush();
    }

    /** One rendering of the current counters. */
    String line() {
        long finished = done.sum();
        long all = resumed + finished;
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = finished / seconds;
        long graded = finished - errors.sum();
        String passRate = graded == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * passed.sum() / graded);
        String eta = rate > 0 ? formatSeconds((total - all) / rate) : "?";
        String counts = String.format(Locale.ROOT, "%d/%s, %.1f/s, ETA %s, pass %s%s", all, Plural.of(total, "trial"), rate,
                eta, passRate, errors.sum() > 0 ? ", " + Plural.of(errors.sum(), "error") : "");
        if (!bar) {
            return "progress: " + counts;
        }
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * all / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + counts;
    }

    private void render() {
        if (bar) {
            err.print("\r" + line() + "\u001b[K");
        } else {
            err.println(line());
        }
        err.flush();
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
