package io.assay.spi;

/**
 * Grades one agent output against a task. Must be deterministic and thread-safe: the audit checks
 * that the same output gets the same reward twice (ABC O.f.2).
 *
 * <pre>{@code
 * RewardCheck nonEmpty = (task, output) -> output.answer().isBlank()
 *         ? RewardResult.fail("empty answer")
 *         : RewardResult.pass("answered");
 * }</pre>
 *
 * <p>A check that grades the environment's end state (tests run in a sandbox, a database compared
 * with the expected one) overrides the three-argument form, which the harness calls while the
 * trial's session is still open; its two-argument form then throws, since it cannot grade a bare
 * answer.
 */
@FunctionalInterface
public interface RewardCheck {

    RewardResult check(Task task, AgentOutput output);

    /** Grades with the trial's environment session still open. By default, the answer alone. */
    default RewardResult check(Task task, AgentOutput output, EnvironmentSession environment) throws InterruptedException {
        return check(task, output);
    }

    /**
     * Whether grading calls something outside the harness, such as a judge model, so that each call
     * costs money or time and may vary. Validating a suite never calls such a check (it grades each
     * task's reference solution with every other check); a combinator is remote when a check it holds is.
     *
     * <pre>{@code
     * @Override
     * public boolean remote() {
     *     return true; // asks a model for a verdict
     * }
     * }</pre>
     */
    default boolean remote() {
        return false;
    }
}
