package io.assay.cli.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * The resubmission policy: which Slurm task runs each shard now, and how often each was submitted.
 * A shard whose task ended without finishing it (failed, cancelled, timed out, its node lost) is
 * submitted again and resumes its own file, so no trial runs twice; after {@link #MAX_ATTEMPTS}
 * submissions it is given up on: the same cause is then likely to recur.
 *
 * <pre>{@code
 * ShardAttempts attempts = new ShardAttempts(4);
 * attempts.submitted(List.of(0, 1, 2, 3), "17");
 * attempts.task(2);             // 17_2
 * attempts.exhausted(2);        // false: it may run twice more
 * }</pre>
 */
final class ShardAttempts {
    /** Submissions of one shard before giving up: the first and two more. */
    static final int MAX_ATTEMPTS = 3;

    private final SlurmQueue.Task[] tasks;
    private final int[] attempts;

    ShardAttempts(int shards) {
        this.tasks = new SlurmQueue.Task[shards];
        this.attempts = new int[shards];
    }

    /** {@code shards} now run as tasks of array job {@code job}. */
    synchronized void submitted(List<Integer> shards, String job) {
        for (int shard : shards) {
            tasks[shard] = new SlurmQueue.Task(job, shard);
            attempts[shard]++;
        }
    }

    /** The task that runs {@code shard} now, {@code null} before its first submission. */
    SlurmQueue.Task task(int shard) {
        return tasks[shard];
    }

    /** How many times {@code shard} was submitted. */
    int attempts(int shard) {
        return attempts[shard];
    }

    /** Whether {@code shard} was submitted as often as it may be. */
    boolean exhausted(int shard) {
        return attempts[shard] >= MAX_ATTEMPTS;
    }

    /** Every array job submitted so far, for squeue and for scancel (from the Ctrl-C hook's thread). */
    synchronized List<String> jobs() {
        List<String> jobs = new ArrayList<>();
        for (SlurmQueue.Task task : tasks) {
            if (task != null && !jobs.contains(task.job())) {
                jobs.add(task.job());
            }
        }
        return jobs;
    }
}
