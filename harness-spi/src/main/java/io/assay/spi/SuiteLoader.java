package io.assay.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a suite directory in some format: Assay's declarative {@code suite.yaml}, or a format the
 * field already uses.
 *
 * <pre>{@code
 * public boolean accepts(Path dir) { return Files.exists(dir.resolve("task.toml")); }
 * public Suite load(Path dir, Context context) throws IOException {
 *     ... // collect every problem, then: if (!problems.isEmpty()) throw new InvalidSuiteException(problems);
 * }
 * }</pre>
 */
public interface SuiteLoader extends Component {

    /** Whether this loader recognises the directory's format. */
    boolean accepts(Path directory);

    /**
     * Loads and validates the whole suite. Report every problem at once in an
     * {@link InvalidSuiteException}, not just the first.
     */
    Suite load(Path directory, Context context) throws IOException;

    /** What the core offers a loader for validation. */
    interface Context {
        /** Checks a reward spec against the registered checks; throws {@link InvalidOptionException}. */
        void validateReward(Options spec);

        /** Checks an environment spec against the registered environments; throws {@link InvalidOptionException}. */
        void validateEnvironment(Options spec);

        /**
         * The solution the oracle agent will answer for {@code task}, graded by the reward spec
         * {@code reward}: the task's own solution, or, when that is its answer, the answer as a
         * correct agent writes it (the first of a list of acceptable answers; JSON for a check that
         * reads JSON). Build the task with it. Throws {@link InvalidOptionException} on field
         * {@code answer} or {@code solution} when that reply fails the task's own check, so a task
         * that can never score is refused before anything runs (the audit instead loads such a task
         * and reports it). Checks that grade end state are not consulted, and
         * {@link RewardCheck#remote() remote} ones are never called.
         *
         * <pre>{@code
         * Object solution = context.checkedSolution(task, reward); // the line's problem if it throws
         * task = new Task(task.id(), task.prompt(), task.answer(), solution, task.metadata(), task.reward());
         * }</pre>
         */
        default Object checkedSolution(Task task, Options reward) {
            return task.solution();
        }

        /**
         * The split of a benchmark the user asked for ({@code --split test}), or empty for the
         * format's default. A format that publishes splits loads only the tasks of the one named,
         * and throws {@link InvalidSuiteException} for a name it does not know, listing those it
         * does. A loader that never asks lets the core tell the user the suite has no splits.
         *
         * <pre>{@code
         * Optional<String> split = context.split();   // "test", from split_tasks.json's keys
         * if (split.isPresent() && !splits.containsKey(split.get())) {
         *     throw new InvalidSuiteException(List.of(new Problem(splitsFile, 0, "split",
         *             "no split '" + split.get() + "'; expected one of " + splits.keySet())));
         * }
         * }</pre>
         */
        default Optional<String> split() {
            return Optional.empty();
        }
    }
}
