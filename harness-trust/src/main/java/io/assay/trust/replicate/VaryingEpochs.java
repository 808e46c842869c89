package io.assay.trust.replicate;

import io.assay.launcher.RunFollower;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks whose scored epochs did not all score the same in a run: for those, the run's own
 * figure was already a draw, and a replication that differs on them may only have drawn again.
 */
final class VaryingEpochs {

    private VaryingEpochs() {
    }

    /** Which of {@code tasks} scored differently across epochs in the run at {@code run}, in the order given. */
    static List<String> of(Path run, Collection<String> tasks) {
        Map<String, double[]> range = new HashMap<>();
        RunFollower.open(run).poll(trial -> {
            if (trial.outcome().scored() && tasks.contains(trial.task())) {
                range.merge(trial.task(), new double[] {trial.score(), trial.score()},
                        (seen, one) -> new double[] {Math.min(seen[0], one[0]), Math.max(seen[1], one[1])});
            }
        });
        return tasks.stream().filter(task -> range.containsKey(task) && range.get(task)[0] != range.get(task)[1]).toList();
    }
}
