package io.assay.core.run;

import io.assay.launcher.Manifest;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.launcher.Summary;
import io.assay.spi.Agent;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentException;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.RunInfo;
import io.assay.spi.Suite;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One prepared run: executes the pending trials (tasks x epochs, minus those already recorded)
 * on {@code concurrency} virtual threads, and can be stopped cleanly from another thread
 * (Ctrl-C) leaving a resumable run directory. It stops scheduling trials by itself when they keep
 * failing ({@link FailFast}) or the budget is spent, and fails at once when its environment
 * cannot start; the run directory stays resumable either way.
 */
public final class Run {
    /** How long a stop waits for in-flight trials to notice their interruption. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long an agent past its timeout may ignore its interruption before it is abandoned. */
    private static final Duration ABANDON_GRACE = Duration.ofSeconds(10);

    private final RunDirectory directory;
    private final Manifest manifest;
    private final RunSettings settings;
    private final Suite suite;
    private final Agent agent;
    private final RecordedTrials recorded;
    private final RunServices services;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong ran = new AtomicLong();
    private final AtomicBoolean budgetReached = new AtomicBoolean();
    private final FailFast failFast;
    /** Why the environment could not start, or {@code null}. */
    private volatile String notStarted;
    /** A shard's hold on its file, or {@code null} for a whole run. */
    private final ShardLock held;

    /**
     * @param manifest the manifest written for this run, made from {@code settings}
     * @param suite the suite, with only the tasks the settings select
     * @param recorded trials already recorded (on resume), which are not run again
     * @param held a shard's lock on its file, released when the run ends, or {@code null}
     */
    Run(RunDirectory directory, Manifest manifest, RunSettings settings, Suite suite, Agent agent,
        RecordedTrials recorded, RunServices services, ShardLock held) {
        this.directory = directory;
        this.manifest = manifest;
        this.settings = settings;
        this.suite = suite;
        this.agent = agent;
        this.recorded = recorded;
        this.services = services;
        this.failFast = new FailFast(settings.maxErrors());
        this.held = held;
    }

    public RunDirectory directory() {
        return directory;
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * Runs every pending trial and writes the summary. Returns early, status interrupted, after
     * {@link #stop}; status aborted when trials keep failing; status failed, with no trial run,
     * when the environment cannot start.
     */
    public RunResult execute(ProgressListener progress) throws Exception {
        TrialLog log = new TrialLog(directory.trialsFile(), recorded.summary(),
                SinkFanOut.open(services.registry(), settings.sinks(), runInfo()));
        try (log; Environment environment = startEnvironment()) {
            if (environment != null) {
                runTrials(environment, log, progress);
            }
        } finally {
            try {
                finishManifest();
            } finally {
                release();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Summary result = log.summary();
        List<String> warnings = log.warnings();
        if (settings.shard() == null) {
            directory.writeSummary(result); // a shard's is only its part: the last shard writes the run's
        }
        return new RunResult(directory.path(), status(), result, ran.get(), warnings, reason());
    }

    /** The suite's environment, or {@code null} when it cannot start (no Docker engine, say): the run then fails. */
    private Environment startEnvironment() {
        try {
            return services.environments().create(suite.environment(), runInfo());
        } catch (EnvironmentException | InvalidOptionException e) {
            // Said once, rather than once per trial as every trial ran into it.
            notStarted = "the environment could not start: " + e.getMessage();
            return null;
        }
    }

    private void runTrials(Environment environment, TrialLog log, ProgressListener progress) throws InterruptedException {
        try (Watchdog watchdog = new Watchdog(settings.timeout(), ABANDON_GRACE)) {
            TrialExecutor executor = new TrialExecutor(suite, agent, environment, services.rewardChecks(),
                    settings.timeout(), settings.retryErrors(), settings.seed(), watchdog);
            TrialPlan plan = new TrialPlan(suite.tasks(), settings.epochs(), recorded.done(), settings.shard());
            Workers workers = new Workers(plan, executor, log, progress);
            progress.started(settings.shard() == null ? (long) suite.tasks().size() * settings.epochs()
                    : manifest.shards().expected(settings.shard().index()), recorded.done().size());
            for (int i = 0; i < settings.concurrency(); i++) {
                workers.start();
            }
            workers.awaitAll();
            if (!stopping.get()) {
                failFast.rest().forEach(workers::append);
            }
            progress.finished();
        }
    }

    /**
     * Lets another process run this run's shard: what {@link #execute} does when it ends, for a run
     * prepared but not executed. Any number of times.
     */
    public void release() {
        if (held != null) {
            held.close();
        }
    }

    /**
     * Stops handing out trials, interrupts the trials in flight and drops their results, so the
     * run directory holds only whole trials. Safe to call from any thread, any number of times.
     */
    public void stop() {
        if (stopping.compareAndSet(false, true)) {
            workerThreads.forEach(Thread::interrupt);
        }
    }

    /**
     * {@code concurrency} virtual threads, each taking the next trial from the plan until none is
     * left. A worker whose agent was abandoned is replaced, so concurrency holds.
     */
    private final class Workers {
        private final TrialPlan plan;
        private final TrialExecutor executor;
        private final TrialLog log;
        private final ProgressListener progress;
        private int live;

        Workers(TrialPlan plan, TrialExecutor executor, TrialLog log, ProgressListener progress) {
            this.plan = plan;
            this.executor = executor;
            this.log = log;
            this.progress = progress;
        }

        synchronized void start() {
            live++;
            Thread worker = Thread.ofVirtual().name("assay-trial-" + live).unstarted(this::work);
            workerThreads.add(worker);
            worker.start();
        }

        /** Waits for every worker; after a stop, no longer than the grace period. */
        synchronized void awaitAll() throws InterruptedException {
            long stopDeadline = Long.MAX_VALUE;
            while (live > 0) {
                if (stopping.get()) {
                    stopDeadline = Math.min(stopDeadline, System.nanoTime() + STOP_GRACE.toNanos());
                    long left = stopDeadline - System.nanoTime();
                    if (left <= 0) {
                        return; // Abandon trials that ignore interruption; they are not recorded.
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } else {
                    wait(100);
                }
            }
        }

        private void work() {
            boolean replaced = false;
            try {
                for (TrialPlan.Pending next = nextWithinBudget(); next != null && !stopping.get(); next = nextWithinBudget()) {
                    TrialPlan.Pending trial = next;
                    record(executor.run(trial.task(), trial.epoch(), abandoned -> {
                        record(new FinishedTrial(trial.task(), abandoned, false));
                        start();
                    }));
                }
            } catch (TrialExecutor.AbandonedTrialException e) {
                replaced = true; // Its trial was recorded and another worker took its place.
            } catch (InterruptedException e) {
                // Stopped: the trial in flight is dropped and runs again on resume.
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
                stop();
            } finally {
                workerThreads.remove(Thread.currentThread());
                if (!replaced) {
                    exited();
                }
            }
        }

        /**
         * The next trial, or none once the budget is spent or trials keep failing: trials in flight
         * still finish and are recorded (see {@link FailFast} for those that fail fatally).
         */
        private TrialPlan.Pending nextWithinBudget() {
            if (failFast.reason() != null) {
                return null;
            }
            TrialPlan.Pending next = plan.next();
            if (next != null && Budget.reached(settings.maxCostUsd(), log::cost)) {
                budgetReached.set(true); // the trial taken is not run: resume runs it
                return null;
            }
            return next;
        }

        private void record(FinishedTrial trial) {
            // After a stop, results of interrupted trials are dropped: resume runs them again.
            if (!stopping.get()) {
                failFast.finished(trial).forEach(this::append);
            }
        }

        void append(FinishedTrial trial) {
            log.append(trial.record(), trial.task());
            ran.incrementAndGet();
            progress.trialFinished(trial.record());
        }

        private synchronized void exited() {
            live--;
            notifyAll();
        }
    }

    private RunInfo runInfo() {
        return new RunInfo(manifest.runId(), directory.path(), suite.id(), manifest.agent().name());
    }

    /**
     * Records how the run ended in its manifest. A shard leaves the shared manifest alone: once all
     * of its trials are recorded it marks itself done, and combines the run if it is the last.
     */
    private void finishManifest() {
        if (settings.shard() == null) {
            directory.writeManifest(manifest.withStatus(status(), services.clock().instant().toString(), reason()));
        } else if (Manifest.COMPLETED.equals(status())) {
            ShardTally.write(directory.path(), settings.shard(), recorded.summary());
            directory.markShardDone(recorded.done().size() + ran.get());
            ShardCombination.combineIfAllDone(RunDirectory.open(directory.path()), suite.tasks(), services.clock());
        }
    }

    private String status() {
        if (failure.get() != null || stopping.get()) {
            return Manifest.INTERRUPTED;
        }
        if (notStarted != null) {
            return Manifest.FAILED;
        }
        if (failFast.reason() != null) {
            return Manifest.ABORTED;
        }
        return budgetReached.get() ? Manifest.BUDGET_REACHED : Manifest.COMPLETED;
    }

    /** Why the run failed or was aborted, or {@code null}. */
    private String reason() {
        return switch (status()) {
            case Manifest.FAILED -> notStarted;
            case Manifest.ABORTED -> failFast.reason();
            default -> null;
        };
    }
}
