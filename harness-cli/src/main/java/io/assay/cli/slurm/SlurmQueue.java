package io.assay.cli.slurm;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What Slurm says of the tasks of some array jobs, from {@code squeue --states=all}, which still
 * lists a task for a while after it ended ({@code MinJobAge}), with how it ended. {@code sacct}
 * is not used: it needs accounting storage, which many small clusters (and this one) lack.
 *
 * <pre>{@code
 * Map<SlurmQueue.Task, String> states = SlurmQueue.states(List.of("17", "18"), () -> false);
 * states.get(new SlurmQueue.Task("17", 2));   // "RUNNING", "FAILED", ... or null once forgotten
 * }</pre>
 */
final class SlurmQueue {
    /** States after which a task runs no more; whatever it did not finish must be submitted again. */
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "SPECIAL_EXIT", "REVOKED");

    private static final int ATTEMPTS = 10;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(3);
    private static final Duration STOP_CHECK = Duration.ofMillis(250);

    private SlurmQueue() {
    }

    /** One array task: {@code JOB_INDEX} in Slurm's notation. */
    record Task(String job, int index) {
        @Override
        public String toString() {
            return job + "_" + index;
        }
    }

    /** The jobs in the queue, of any partition, whose comment is {@code comment}: the run's tag ({@code sbatch --comment}). */
    static List<String> jobsTagged(String comment) throws IOException, InterruptedException {
        SlurmCommand.Result result = squeue(List.of("--noheader", "--all", "--format=%F %k"), () -> false);
        return result.output().lines().map(line -> line.strip().split("\\s+", 2))
                .filter(fields -> fields.length == 2 && fields[1].equals(comment)).map(fields -> fields[0]).distinct().toList();
    }

    /** Whether a task in {@code state} has ended. */
    static boolean ended(String state) {
        return ENDED.contains(state);
    }

    /**
     * The state of every task of {@code jobs} Slurm still knows; empty when {@code stop} turned true
     * while a failing squeue was being asked again.
     */
    static Map<Task, String> states(Collection<String> jobs, BooleanSupplier stop) throws IOException, InterruptedException {
        SlurmCommand.Result result = squeue(List.of("--noheader", "--array", "--states=all", "--jobs=" + String.join(",", jobs),
                "--format=%F %K %T"), stop);
        Map<Task, String> states = new HashMap<>();
        if (!result.ok()) {
            return states; // the jobs are forgotten ("Invalid job id"), or stopped
        }
        for (String line : result.output().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 3 && fields[1].matches("\\d+")) {
                states.put(new Task(fields[0], Integer.parseInt(fields[1])), fields[2]);
            }
        }
        return states;
    }

    /**
     * Runs squeue. A busy or restarting controller refuses a call now and then while the jobs run
     * on, so a failed call is made again, a few seconds apart, for about half a minute before the
     * failure counts, unless {@code stop} turns true (Ctrl-C): then the failed result is returned.
     * Not knowing some jobs any more ("Invalid job id") is an answer, not a failure.
     *
     * @throws InputException when squeue keeps failing
     */
    private static SlurmCommand.Result squeue(List<String> arguments, BooleanSupplier stop) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("squeue"));
        command.addAll(arguments);
        long started = System.nanoTime();
        SlurmCommand.Result result = SlurmCommand.run(command);
        for (int attempt = 1; failed(result) && attempt < ATTEMPTS; attempt++) {
            for (long waited = 0; waited < BETWEEN_ATTEMPTS.toMillis(); waited += STOP_CHECK.toMillis()) {
                if (stop.getAsBoolean()) {
                    return result;
                }
                Thread.sleep(STOP_CHECK.toMillis());
            }
            result = SlurmCommand.run(command);
        }
        if (failed(result) && !stop.getAsBoolean()) {
            throw new InputException("squeue failed " + ATTEMPTS + " times in a row over "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: " + result.message(),
                    "Slurm's controller does not answer (scontrol ping); the run's jobs may still be running: once it"
                            + " answers, submit the same command again (it resumes the run)");
        }
        return result;
    }

    private static boolean failed(SlurmCommand.Result result) {
        return !result.ok() && !result.errors().contains("Invalid job id");
    }
}
