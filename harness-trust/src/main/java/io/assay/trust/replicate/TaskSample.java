package io.assay.trust.replicate;

import io.assay.launcher.InputException;
import io.assay.launcher.TaskSelection;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The tasks a replication runs again: {@code size} of those the claimed run evaluated, drawn with
 * {@code seed} by the same seeded draw as {@code assay run --sample}, so the same seed, suite and
 * claim give the same tasks on every machine. Listed in suite order.
 *
 * <pre>{@code
 * TaskSample sample = TaskSample.draw(suite, claim.run().tasks().keySet(), 5, 0L);
 * sample.tasks(); // five task ids of the claimed run
 * }</pre>
 */
public record TaskSample(long seed, List<String> tasks) {

    public TaskSample {
        tasks = List.copyOf(tasks);
    }

    /**
     * Draws {@code size} of the {@code claimed} tasks of {@code suite}.
     *
     * @throws InputException when {@code size} is below 1 or above the number of claimed tasks, or a
     *     claimed task is not in the suite
     */
    public static TaskSample draw(Suite suite, Collection<String> claimed, int size, long seed) {
        if (size < 1 || size > claimed.size()) {
            throw new InputException("--sample " + size + ": the claimed run evaluated " + claimed.size() + " tasks",
                    "give --sample N with N from 1 to " + claimed.size());
        }
        List<Task> evaluated = suite.tasks().stream().filter(task -> claimed.contains(task.id())).toList();
        if (evaluated.size() != claimed.size()) {
            List<String> missing = claimed.stream()
                    .filter(id -> evaluated.stream().noneMatch(task -> task.id().equals(id))).sorted().toList();
            throw new InputException("suite " + suite.id() + " has no task " + String.join(", ", missing)
                    + ", which the claimed run evaluated", "give the suite the run graded with --suite DIR");
        }
        Suite claimedOnly = new Suite(suite.id(), suite.version(), suite.description(), suite.measures(), suite.canary(),
                suite.environment(), suite.reward(), evaluated, suite.directory(), suite.contentHash());
        Suite drawn = new TaskSelection(null, List.of(), Map.of(), size, null).applyTo(claimedOnly, seed);
        return new TaskSample(seed, drawn.tasks().stream().map(Task::id).toList());
    }

    /**
     * The run's task selection: exactly these ids, from the benchmark's {@code split} (or its default
     * tasks when {@code null}), as the claimed run loaded them.
     */
    public TaskSelection selection(String split) {
        return new TaskSelection(split, tasks, Map.of(), null, null);
    }
}
