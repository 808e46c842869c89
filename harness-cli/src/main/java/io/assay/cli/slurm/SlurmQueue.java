package io.assay.cli.slurm;

import java.io.IOException;
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

    private SlurmQueue() {
    }

    /** One array task: {@code JOB_INDEX} in Slurm's notation. */
    record Task(String job, int index) {
        @Override
        public String toString() {
            return job + "_" + index;
        }
    }

    /** Whether a task in {@code state} has ended. */
    static boolean ended(String state) {
        return ENDED.contains(state);
    }

    /**
     * The state of every task of {@code jobs} Slurm still knows.
     *
     * @throws IOException when squeue fails for another reason than not knowing the jobs any more
     */
    static Map<Task, String> states(Collection<String> jobs) throws IOException, InterruptedException {
        SlurmCommand.Result result = SlurmCommand.run(List.of("squeue", "--noheader", "--array", "--states=all",
                "--jobs=" + String.join(",", jobs), "--format=%F %K %T"));
        Map<Task, String> states = new HashMap<>();
        if (!result.ok()) {
            if (result.errors().contains("Invalid job id")) {
                return states;
            }
            throw new IOException("squeue failed: " + result.message());
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
