package io.assay.rank;

import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.RunFollower;
import io.assay.launcher.Summary;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run as rankings read it: its manifest, its summary, and each task's results over its epochs,
 * from its {@code trials.jsonl} (a crashed or unfinished run reads too). Tasks are the unit of
 * every comparison: epochs of one task are averaged first, as the summary's score does.
 *
 * <pre>{@code
 * RunTasks a = RunTasks.read(Path.of("runs/arith-oracle"));
 * RunTasks b = RunTasks.read(Path.of("runs/arith-null"));
 * a.requireSameSuite(b);           // InputException naming both suites otherwise
 * a.tasks().get("q1").meanScore(); // 1.0
 * }</pre>
 *
 * @param directory the run directory, as given
 * @param tasks each task's results, in the order its first trial was recorded
 */
public record RunTasks(Path directory, Manifest manifest, Summary summary, Map<String, TaskResult> tasks) {

    /**
     * One task's trials in one run.
     *
     * @param metadata the task's metadata, as recorded with its trials
     * @param trials every trial, errors included
     * @param scored the trials with a score (not harness or judge errors)
     * @param scoreSum the sum of their scores
     * @param passed the trials that passed
     */
    public record TaskResult(String task, Map<String, Object> metadata, int trials, int scored, double scoreSum, int passed) {

        /** The mean score over scored trials, or {@code null} when none was scored. */
        public Double meanScore() {
            return scored == 0 ? null : scoreSum / scored;
        }

        /** The share of scored trials that passed, or {@code null} when none was scored. */
        public Double passRate() {
            return scored == 0 ? null : (double) passed / scored;
        }

        TaskResult add(RunFollower.TrialLine trial) {
            boolean isScored = trial.outcome().scored();
            return new TaskResult(task, metadata, trials + 1, scored + (isScored ? 1 : 0),
                    scoreSum + (isScored ? trial.score() : 0.0), passed + (trial.passed() ? 1 : 0));
        }
    }

    /**
     * Reads the run at {@code directory}.
     *
     * @throws InputException when it is not a run directory, or a trial line is corrupt
     */
    public static RunTasks read(Path directory) {
        RunFollower run = RunFollower.open(directory);
        Map<String, TaskResult> tasks = new LinkedHashMap<>();
        run.poll(trial -> tasks.merge(trial.task(), new TaskResult(trial.task(), trial.metadata(), 0, 0, 0, 0).add(trial),
                (seen, first) -> seen.add(trial)));
        return new RunTasks(directory, run.manifest(), run.summary(), Collections.unmodifiableMap(tasks));
    }

    /** The suite this run graded, as people name it: {@code id@version (content hash)}. */
    public String suiteLabel() {
        Manifest.SuiteRef suite = manifest.suite();
        return suite.id() + "@" + suite.version() + " (" + suite.contentHash() + ")";
    }

    /** Whether {@code other} graded the same suite, to the byte: same id and content hash. */
    public boolean sameSuite(RunTasks other) {
        return manifest.suite().id().equals(other.manifest.suite().id())
                && manifest.suite().contentHash().equals(other.manifest.suite().contentHash());
    }

    /** @throws InputException naming both runs and their suites when {@code other} graded another suite */
    public void requireSameSuite(RunTasks other) {
        if (!sameSuite(other)) {
            throw new InputException(directory + " graded " + suiteLabel() + " but " + other.directory + " graded "
                    + other.suiteLabel() + "; runs are compared only on the same suite version",
                    "run both agents on one suite version, or compare runs of the same suite");
        }
    }

    /** The agent's model option, or {@code null} when it has none. */
    public String model() {
        return manifest.agent().options() != null && manifest.agent().options().get("model") instanceof String model
                ? model : null;
    }
}
