package io.assay.rank.compare;

import io.assay.rank.RunTasks.TaskResult;
import java.util.Map;

/**
 * One task scored in both runs: the unit every figure of a comparison is computed over.
 *
 * @param a the task's results in run A (at least one scored trial)
 * @param b the task's results in run B (at least one scored trial)
 */
public record PairedTask(String task, TaskResult a, TaskResult b) {

    /** The task's metadata as run A recorded it; both runs graded the same suite, so B's is the same. */
    public Map<String, Object> metadata() {
        return a.metadata();
    }

    /**
     * Whether the task passed in run A. With several epochs a task passes when more than half of its
     * scored trials passed: every epoch counts, and a tie is not a pass, so a coin-flip task does not
     * count as solved. With one epoch this is simply whether that trial passed.
     */
    public boolean passedInA() {
        return passesByMajority(a);
    }

    /** Whether the task passed in run B, by the same majority rule as {@link #passedInA()}. */
    public boolean passedInB() {
        return passesByMajority(b);
    }

    private static boolean passesByMajority(TaskResult result) {
        return 2 * result.passed() > result.scored();
    }
}
