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
}
