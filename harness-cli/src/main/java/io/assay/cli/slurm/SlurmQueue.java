package io.assay.cli.slurm;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Slurm says of the tasks of some array jobs, from {@code squeue --states=all}, which still
 * lists a task for a while after it ended ({@code MinJobAge}), with how it ended. {@code sacct}
 * is not used: it needs accounting storage, which many small clusters (and this one) lack.
 *
 * <pre>{@code
 * Map<SlurmQueue.Task, String> states = SlurmQueue.states(List.of("17", "18"));
 * states.get(new SlurmQueue.Task("17", 2));   // "RUNNING", "FAILED", ... or null once forgotten
 * }</pre>
 */
final class SlurmQueue {
    /** States after which a task runs no more; whatever it did not finish must be submitted again. */
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "SPECIAL_EXIT", "REVOKED");

    private static final int ATTEMPTS = 10;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(3);

    private SlurmQueue() {
    }

    /** One array task: {@code JOB_INDEX} in Slurm's notation. */
    record Task(String job, int index) {
        @Override
        public String toString() {
            return job + "_" + index;
        }
    }

    /** The jobs in the queue whose comment is {@code comment}: the run's tag ({@code sbatch --comment}). */
    static List<String> jobsTagged(String comment) throws IOException, InterruptedException {
        SlurmCommand.Result result = SlurmCommand.run(List.of("squeue", "--noheader", "--format=%F %k"));
        if (!result.ok()) {
            throw new IOException("squeue failed: " + result.message());
        }
        return result.output().lines().map(line -> line.strip().split("\\s+", 2))
                .filter(fields -> fields.length == 2 && fields[1].equals(comment)).map(fields -> fields[0]).distinct().toList();
    }

    /** Whether a task in {@code state} has ended. */
    static boolean ended(String state) {
        return ENDED.contains(state);
    }

    /**
     * The state of every task of {@code jobs} Slurm still knows. A busy or restarting controller
     * refuses a call now and then while the jobs run on, so a failed call is made again, a few
     * seconds apart, for about half a minute before the failure counts.
     *
     * @throws InputException when squeue keeps failing for another reason than not knowing the jobs any more
     */
    static Map<Task, String> states(Collection<String> jobs) throws IOException, InterruptedException {
        List<String> squeue = List.of("squeue", "--noheader", "--array", "--states=all", "--jobs=" + String.join(",", jobs),
                "--format=%F %K %T");
        SlurmCommand.Result result = SlurmCommand.run(squeue);
        for (int attempt = 1; !result.ok() && !result.errors().contains("Invalid job id") && attempt < ATTEMPTS; attempt++) {
            Thread.sleep(BETWEEN_ATTEMPTS.toMillis());
            result = SlurmCommand.run(squeue);
        }
        Map<Task, String> states = new HashMap<>();
        if (!result.ok()) {
            if (result.errors().contains("Invalid job id")) {
                return states;
            }
            throw new InputException("squeue failed " + ATTEMPTS + " times in a row over "
                    + BETWEEN_ATTEMPTS.multipliedBy(ATTEMPTS - 1).toSeconds() + " s: " + result.message(),
                    "Slurm's controller does not answer (scontrol ping); its jobs " + String.join(", ", jobs)
                            + " may still be running: once it answers, submit the same command again (it resumes the run)");
        }
        for (String line : result.output().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 3 && fields[1].matches("\\d+")) {
                states.put(new Task(fields[0], Integer.parseInt(fields[1])), fields[2]);
            }
        }
        return states;
    }
}
