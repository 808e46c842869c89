package io.assay.core.run;

import io.assay.launcher.Shard;
import io.assay.spi.Task;
import java.util.List;
import java.util.Set;

/**
 * The trials still to run, handed out one at a time to the workers: epoch by epoch, tasks in
 * suite order, skipping those already recorded and, for one shard of a run, those of the other
 * shards. Generated on demand, never listed whole.
 */
final class TrialPlan {
    private final List<Task> tasks;
    private final int epochs;
    private final Set<TrialKey> done;
    private final Shard shard;
    private int epoch;
    private int index;

    /** A trial to run. */
    record Pending(Task task, int epoch) {
    }

    /** @param shard the shard whose trials to run, or {@code null} for all */
    TrialPlan(List<Task> tasks, int epochs, Set<TrialKey> done, Shard shard) {
        this.tasks = tasks;
        this.epochs = epochs;
        this.done = done;
        this.shard = shard;
    }

    /** The next trial, or {@code null} when none is left. */
    synchronized Pending next() {
        while (epoch < epochs) {
            if (index == tasks.size()) {
                index = 0;
                epoch++;
                continue;
            }
            Task task = tasks.get(index++);
            if ((shard == null || shard.owns(task.id(), epoch))
                    && (done.isEmpty() || !done.contains(new TrialKey(task.id(), epoch)))) {
                return new Pending(task, epoch);
            }
        }
        return null;
    }
}
