package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.launcher.Shard;
import io.assay.spi.Task;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The split worked out once is the split every shard works out for itself. */
class TestShardAssignment {

    @Test
    void eachTrialsOwnerAndEachShardsCountAreThoseOfShardOf() {
        List<Task> tasks = IntStream.range(0, 50).mapToObj(i -> new Task("task-" + i, "q", "a", null, Map.of(), null)).toList();
        ShardAssignment split = ShardAssignment.of(tasks, 3, 4);

        long[] expected = new long[4];
        for (int task = 0; task < tasks.size(); task++) {
            for (int epoch = 0; epoch < 3; epoch++) {
                int owner = Shard.of(tasks.get(task).id(), epoch, 4);
                assertThat(split.owner(task, epoch)).as("task %d epoch %d", task, epoch).isEqualTo(owner);
                expected[owner]++;
            }
        }
        assertThat(split.epochs()).isEqualTo(3);
        assertThat(split.sharding().count()).isEqualTo(4);
        assertThat(split.sharding().expectedTrials()).containsExactly(expected[0], expected[1], expected[2], expected[3]);
        assertThat(split.sharding().expectedTrials().stream().mapToLong(Long::longValue).sum()).isEqualTo(150);
    }
}
