package io.assay.core.run;

import io.assay.launcher.Manifest;
import io.assay.launcher.Shard;
import io.assay.spi.Task;
import java.util.Arrays;
import java.util.List;

/**
 * Which shard runs each trial of a run's tasks ({@link Shard#of}), worked out once: the process
 * that creates a sharded run needs it for the manifest's count of each shard's trials and again for
 * the shards' slices, and it hashes every (task, epoch).
 *
 * <pre>{@code
 * ShardAssignment split = ShardAssignment.of(suite.tasks(), 2, 4);
 * split.owner(0, 1);  // the shard that runs the first task's second epoch
 * split.sharding();   // {count: 4, expected_trials: [...]}, as the manifest records it
 * }</pre>
 */
final class ShardAssignment {
    private final int count;
    private final int epochs;
    /** The owner of task {@code t} in epoch {@code e} at {@code t * epochs + e}. */
    private final int[] owners;

    private ShardAssignment(int count, int epochs, int[] owners) {
        this.count = count;
        this.epochs = epochs;
        this.owners = owners;
    }

    static ShardAssignment of(List<Task> tasks, int epochs, int count) {
        int[] owners = new int[tasks.size() * epochs];
        for (int task = 0; task < tasks.size(); task++) {
            String id = tasks.get(task).id();
            for (int epoch = 0; epoch < epochs; epoch++) {
                owners[task * epochs + epoch] = Shard.of(id, epoch, count);
            }
        }
        return new ShardAssignment(count, epochs, owners);
    }

    int epochs() {
        return epochs;
    }

    /** The shard that runs epoch {@code epoch} of the {@code task}-th task. */
    int owner(int task, int epoch) {
        return owners[task * epochs + epoch];
    }

    /** How many trials each shard runs, as the run's manifest records them. */
    Manifest.Sharding sharding() {
        long[] expected = new long[count];
        for (int owner : owners) {
            expected[owner]++;
        }
        return new Manifest.Sharding(count, Arrays.stream(expected).boxed().toList());
    }
}
