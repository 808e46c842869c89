package io.assay.cli.slurm;

import io.assay.cli.InterruptHook;
import io.assay.cli.progress.ProgressReporter;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.PreparedRun;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunProgress;
import io.assay.launcher.RunReport;
import io.assay.launcher.RunSettings;
import io.assay.launcher.Shard;
import io.assay.kit.Plural;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code assay run --executor slurm}: prepares the run directory and its manifest here (so bad input
 * fails at once, not in N job logs; a new run is submitted just before, its tasks waiting for the
 * preparation, {@link Preparation}), submits its unfinished shards as one Slurm job array, then shows
 * one progress bar over all shards, submits again the shards whose tasks ended unfinished (a shard
 * another task took, {@link ShardClaims}, once that task ended too; its own waiting task is
 * cancelled), and returns once the last shard has combined the run. Submitting the same command again on the same
 * {@code --out} runs only the shards not finished yet.
 *
 * <pre>{@code
 * SlurmRun slurm = new SlurmRun(assay, settings, List.of("--time=60"), arguments, err);   // settings of shard 0/4
 * SlurmRun.Ending ending = slurm.run(false, reporter);   // COMPLETED: RunReport.of(slurm.directory())
 * }</pre>
 */
public final class SlurmRun {
    /**
     * How often the shard files and the manifest are read, at the least: cheap. The run's end is seen
     * at once where the file system tells of new files in the run directory (a local one does; a
     * network file system may not, and then this is the delay).
     */
    private static final Duration POLL = Duration.ofMillis(250);
    /** Asking squeue is a call to the controller: once a second. */
    private static final Duration QUEUE_LOOK = Duration.ofSeconds(1);
    /** Looks in a row that must miss a task before it counts as gone: squeue may list an array late. */
    private static final int ABSENT_LOOKS = 3;
    /** A task waiting for resources. */
    private static final String PENDING = "PENDING";

    private final Assay assay;
    private final RunSettings settings;
    private final int shards;
    private final List<String> arguments;
    private final PrintWriter err;
    private final ArraySubmission submission;

    /** How the command ended. */
    public enum Ending {
        /** Every shard finished and the run is combined. */
        COMPLETED,
        /** Submitted, not waited for ({@code --detach}). */
        DETACHED,
        /** Ctrl-C: the jobs were cancelled; the run is resumable. */
        INTERRUPTED
    }

    /**
     * @param settings the run's settings, with its absolute {@code out} and {@code shard} 0 of N, N the shard count
     * @param slurmOptions extra sbatch arguments, each as given
     * @param arguments the submitting command's arguments from {@code run} on, as typed
     */
    public SlurmRun(Assay assay, RunSettings settings, List<String> slurmOptions, List<String> arguments, PrintWriter err) {
        this.assay = assay;
        this.settings = settings;
        this.shards = settings.shard().count();
        this.arguments = List.copyOf(arguments);
        this.err = err;
        this.submission = new ArraySubmission(settings.out(), shards, slurmOptions, ShardCommand.of(arguments, settings.out()));
    }

    public Path directory() {
        return settings.out();
    }

    /**
     * Submits the run's unfinished shards and, unless {@code detach}, waits until they have combined the run.
     *
     * @param progress the bar to show, if any
     * @throws InputException when Slurm is missing or refuses the job, or a shard keeps failing: the run stays resumable
     */
    public Ending run(boolean detach, Optional<ProgressReporter> progress) throws IOException, InterruptedException {
        SlurmCommand.require("sbatch");
        // Before preparing: that resumes shard 0's file, which a task still running would be writing.
        refuseWhileStillQueued();
        ShardAttempts attempts = new ShardAttempts(shards);
        // Ctrl-C cancels the array jobs named at that moment; their shards stop as on Ctrl-C (Slurm sends
        // them SIGTERM) and stay resumable. A failed scancel leaves the jobs named in the run's slurm folder.
        try (InterruptHook cancel = InterruptHook.on(() -> scancel(attempts.jobs()))) {
            Manifest manifest = Files.exists(directory().resolve("manifest.json")) ? prepareThenSubmit(attempts, cancel)
                    : submitThenPrepare(attempts, cancel);
            long total = manifest.shards().expectedTrials().stream().mapToLong(Long::longValue).sum();
            if (detach && !cancel.interrupted()) {
                err.println("Follow it with: assay status " + directory());
                err.flush();
                return Ending.DETACHED;
            }
            try (ShardProgress shown = new ShardProgress(directory(), shards, progress)) {
                shown.start(total);
                boolean combined = !cancel.interrupted() && await(attempts, shown, cancel);
                shown.finish(combined);
                if (!combined) {
                    err.println("Interrupted: cancelled Slurm job " + String.join(", ", attempts.jobs()) + "; " + shown.recorded()
                            + " of " + Plural.of(total, "trial") + " recorded. Resume with: " + sameCommand());
                    err.flush();
                    return Ending.INTERRUPTED;
                }
                return Ending.COMPLETED;
            }
        }
    }

    /**
     * A run submitted before: prepared again here (so a suite edited since, whose tasks the slices
     * hold, is refused before anything runs), then its unfinished shards submitted.
     */
    private Manifest prepareThenSubmit(ShardAttempts attempts, InterruptHook cancel) throws IOException, InterruptedException {
        Manifest manifest = prepare();
        List<Integer> unfinished = unfinished();
        if (!unfinished.isEmpty() && manifest.shardsPending() && !cancel.interrupted()) {
            announce(submit(unfinished, attempts, cancel), unfinished, manifest);
        }
        return manifest;
    }

    /**
     * A new run: submitted first, so that Slurm's scheduling and the tasks' JVM start-up overlap
     * loading and checking the suite here; the tasks wait for the run to be prepared ({@link Preparation}).
     * When it cannot be, or sbatch refuses the job, the job is cancelled and the run directory removed
     * if this command created it: bad input leaves nothing behind.
     */
    private Manifest submitThenPrepare(ShardAttempts attempts, InterruptHook cancel) throws IOException, InterruptedException {
        boolean existed = Files.exists(directory());
        List<Integer> all = unfinished();
        try {
            String job = submit(all, attempts, cancel);
            Manifest manifest = prepare();
            announce(job, all, manifest);
            return manifest;
        } catch (Throwable failed) {
            // Each step on its own: what the user must read is why the run could not start, not a cleanup's trouble.
            try {
                cancelAndWait(attempts.jobs());
                if (!existed) {
                    deleteCreated(directory());
                }
            } catch (Exception cleanup) {
                failed.addSuppressed(cleanup);
            }
            throw failed;
        }
    }

    /** Submits {@code indexes} as one array job and records it; cancels it at once should Ctrl-C have come meanwhile. */
    private String submit(List<Integer> indexes, ShardAttempts attempts, InterruptHook cancel) throws IOException, InterruptedException {
        String job = submission.submit(indexes);
        attempts.submitted(indexes, job);
        if (cancel.interrupted()) {
            scancel(List.of(job)); // the hook cancelled the jobs it knew of, before this one was recorded
        }
        return job;
    }

    /**
     * Prepares the run as shard 0 would (its directory, manifest and the shards' tasks) and records
     * that it is. This command loads and checks the suite every time: its settings do not take prepared tasks.
     */
    private Manifest prepare() throws IOException {
        Manifest manifest;
        try (PreparedRun prepared = assay.start(settings)) {
            manifest = prepared.manifest(); // shard 0's lock released: its task may run on this machine
        }
        Preparation.markPrepared(directory());
        return manifest;
    }

    private void announce(String job, List<Integer> submitted, Manifest manifest) {
        err.println("Submitted Slurm job " + job + ": " + describe(submitted) + " of " + manifest.suite().id()
                + " with agent " + manifest.agent().name() + " -> " + directory() + " (logs in " + submission.slurmDirectory() + ")");
        err.flush();
    }

    /** Deletes {@code directory} with all it holds: a new run's, which this command created and could not prepare. */
    private static void deleteCreated(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Waits until the run is combined ({@code true}) or Ctrl-C cancelled it ({@code false}), submitting unfinished shards again. */
    private boolean await(ShardAttempts attempts, ShardProgress shown, InterruptHook cancel)
            throws IOException, InterruptedException {
        int[] absent = new int[shards];
        try (NewFiles newFiles = NewFiles.in(directory())) {
            long nextQueueLook = System.nanoTime();
            while (!cancel.interrupted()) {
                shown.poll();
                if (!RunReport.manifestOf(directory()).shardsPending()) {
                    cancelTakenShardsTasks(attempts);
                    return true;
                }
                if (System.nanoTime() < nextQueueLook) {
                    newFiles.await(POLL);
                    continue;
                }
                Map<SlurmQueue.Task, String> states = attempts.jobs().isEmpty() ? Map.of()
                        : SlurmQueue.states(attempts.jobs(), cancel::interrupted);
                if (cancel.interrupted()) {
                    break;
                }
                List<Integer> again = new ArrayList<>();
                List<String> notNeeded = new ArrayList<>();
                boolean running = false;
                for (int shard = 0; shard < shards; shard++) {
                    SlurmQueue.Task task = attempts.task(shard);
                    String state = task == null ? null : states.get(task);
                    absent[shard] = state == null ? absent[shard] + 1 : 0;
                    boolean takerRuns = takerRuns(shard, states);
                    // The marker is looked at after the queue: a task seen ended has written all it will.
                    boolean done = finished(shard);
                    if (PENDING.equals(state) && (takerRuns || done)) {
                        notNeeded.add(task.toString()); // another task has its shard: it need not start
                    }
                    boolean ended = !takerRuns
                            && (task == null || (state == null ? absent[shard] >= ABSENT_LOOKS : SlurmQueue.ended(state)));
                    boolean unfinished = ended && task != null && !done;
                    // And the lock, before the shard runs again: a taker whose claim this file system does not show yet holds it.
                    if (unfinished && RunProgress.running(directory(), new Shard(shard, shards))) {
                        ended = false;
                        unfinished = false;
                    }
                    running |= !ended;
                    if (unfinished) {
                        if (attempts.exhausted(shard)) {
                            cancelAndWait(attempts.jobs());
                            throw new InputException("shard " + shard + " of " + shards + " did not finish in "
                                    + Plural.of(attempts.attempts(shard), "Slurm submission") + " (last: task " + task + ", "
                                    + howEnded(shard, task, states) + "); its log: " + submission.log(shard, task.job()),
                                    "fix what the log shows, then submit the unfinished shards again (finished trials are kept): " + sameCommand());
                        }
                        again.add(shard);
                    }
                }
                // By task id, without --state=PENDING: Slurm 22.05 then cancels every waiting task of the array, not
                // the one named. A task that started since the look is cancelled too; it held no shard yet, or
                // one that, interrupted, its own submission resumes.
                scancel(notNeeded);
                if (!again.isEmpty()) {
                    String ended = again.stream().map(shard -> "shard " + shard + ": " + howEnded(shard, attempts.task(shard), states))
                            .collect(Collectors.joining(", "));
                    again.forEach(shard -> ShardClaims.forget(directory(), shard)); // its taker ended: the next to run it starts afresh
                    String job = submit(again, attempts, cancel);
                    err.println(System.lineSeparator() + "Resubmitted " + describe(again) + " as Slurm job " + job
                            + ": the previous task ended before finishing (" + ended + ")");
                    err.flush();
                    again.forEach(shard -> absent[shard] = 0);
                } else if (!running && allDone()) {
                    // Every shard finished, yet none combined the run (the last one died combining): do it here.
                    combineHere();
                }
                // From the look's end: a slow squeue or sbatch does not bring the next look closer.
                nextQueueLook = System.nanoTime() + QUEUE_LOOK.toNanos();
                newFiles.await(POLL);
            }
        }
        return false;
    }

    /** What the queue says of the tasks that ran {@code shard}: its own task's state, and the state of a task that took it. */
    private String howEnded(int shard, SlurmQueue.Task own, Map<SlurmQueue.Task, String> states) {
        String ownState = Optional.ofNullable(states.get(own)).orElse("gone from squeue");
        Optional<SlurmQueue.Task> taker = ShardClaims.taker(directory(), shard);
        return taker.isEmpty() ? ownState : ownState + ", taken by task " + taker.get() + ": "
                + Optional.ofNullable(states.get(taker.get())).orElse("gone from squeue");
    }

    /**
     * Whether a task other than {@code shard}'s own has taken it ({@link ShardClaims}) and still runs.
     * A taker the queue does not list (gone, or of an earlier command's job) runs no more.
     */
    private boolean takerRuns(int shard, Map<SlurmQueue.Task, String> states) {
        Optional<String> state = ShardClaims.taker(directory(), shard).map(states::get);
        return state.isPresent() && !SlurmQueue.ended(state.get());
    }

    /**
     * Once the run is combined: cancels the tasks of shards another task took, whether still waiting
     * for a CPU or started since (Slurm may start one the moment its taker ends, before it is seen
     * taken), and waits until they have ended, so that nothing of the run writes into its directory
     * once the command has returned. Only when a shard was taken (else there are none), and at best:
     * the run is complete whatever Slurm answers.
     */
    private void cancelTakenShardsTasks(ShardAttempts attempts) {
        List<String> tasks = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            SlurmQueue.Task own = attempts.task(shard);
            if (own != null && ShardClaims.taker(directory(), shard).filter(taker -> !taker.equals(own)).isPresent()) {
                tasks.add(own.toString());
            }
        }
        try {
            cancelAndWait(tasks);
        } catch (IOException | RuntimeException e) {
            err.println("warning: could not cancel the tasks whose shards others ran (" + e.getMessage() + "): scancel "
                    + String.join(" ", tasks));
            err.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refuses to submit while a task of an earlier submission for this run (a detached one, or one
     * left running when a shard gave up) is still queued or running: two processes would then run
     * one shard, and some trials twice.
     */
    private void refuseWhileStillQueued() throws IOException, InterruptedException {
        SlurmCommand.require("squeue");
        List<String> earlier = submission.submittedJobs();
        if (earlier.isEmpty()) {
            return;
        }
        for (Map.Entry<SlurmQueue.Task, String> task : SlurmQueue.states(earlier, () -> false).entrySet()) {
            if (!SlurmQueue.ended(task.getValue())) {
                throw new InputException("shard " + task.getKey().index() + " of " + directory() + " is still " + task.getValue()
                        + " as Slurm task " + task.getKey() + ", from an earlier submission",
                        "wait for it (assay status " + directory() + ") or cancel it (scancel " + task.getKey().job()
                                + "), then submit again");
            }
        }
    }

    /**
     * Giving up: cancels the run's other tasks and waits, for at most a minute, until they have
     * stopped writing, so the command leaves nothing running behind and the same command can be
     * submitted again at once.
     */
    private void cancelAndWait(List<String> jobs) throws IOException, InterruptedException {
        if (jobs.isEmpty()) {
            return;
        }
        scancel(jobs);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (SlurmQueue.states(jobs, () -> false).values().stream().anyMatch(state -> !SlurmQueue.ended(state)) && System.nanoTime() < deadline) {
            Thread.sleep(POLL);
        }
    }

    /** Cancels {@code jobs}, if any. */
    private static void scancel(List<String> jobs) {
        if (!jobs.isEmpty()) {
            List<String> scancel = new ArrayList<>(List.of("scancel"));
            scancel.addAll(jobs);
            run(scancel);
        }
    }

    private static void run(List<String> scancel) {
        try {
            SlurmCommand.run(scancel);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", scancel) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shards without a done marker. */
    private List<Integer> unfinished() {
        List<Integer> unfinished = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            if (!finished(shard)) {
                unfinished.add(shard);
            }
        }
        return unfinished;
    }

    private boolean allDone() {
        return unfinished().isEmpty();
    }

    private boolean finished(int shard) {
        return RunProgress.finished(directory(), new Shard(shard, shards));
    }

    /** Shard 0 started again here finds every trial recorded and, like any last shard, combines the run. */
    private void combineHere() throws IOException, InterruptedException {
        try {
            assay.start(settings).execute(ProgressListener.NONE);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot combine the shards of " + directory() + ": " + e.getMessage(), e);
        }
    }

    private String describe(List<Integer> indexes) {
        return indexes.size() == shards ? Plural.of(shards, "shard")
                : (indexes.size() == 1 ? "shard " : "shards ") + indexes.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + " of " + shards;
    }

    private String sameCommand() {
        return "assay " + String.join(" ", arguments);
    }
}
