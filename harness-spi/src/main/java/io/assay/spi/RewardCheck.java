package io.assay.spi;

import java.util.Optional;

/**
 * Grades one agent output against a task. Must be deterministic and thread-safe: the audit checks
 * that the same output gets the same reward twice (ABC O.f.2).
 *
 * <pre>{@code
 * RewardCheck nonEmpty = (task, output, environment) -> output.answer().isBlank()
 *         ? RewardResult.fail("empty answer")
 *         : RewardResult.pass("answered");
 * }</pre>
 *
 * <p>A check declares what it {@link #grades() grades}. One that grades the {@link Grades#ANSWER
 * answer} (the default) is also called outside a trial, with no environment: to validate a suite
 * against its reference answers, by audit probes, for baselines and when a run is rescored. One
 * that grades the environment's {@link Grades#END_STATE end state} (tests run in a sandbox, a
 * database compared with the expected one) is only called with the trial's session still open.
 */
@FunctionalInterface
public interface RewardCheck {

    /** What a check looks at to grade. */
    enum Grades {
        /** The output alone: the check may be called without an environment. */
        ANSWER,
        /** The environment's end state: the check needs the trial's open session. */
        END_STATE
    }

    /**
     * Grades {@code output}.
     *
     * @param environment the trial's session, still open, whenever the harness grades inside a
     *     trial; empty when it grades outside one, which it does only for {@link Grades#ANSWER} checks
     * @throws VerdictException when the check cannot reach a verdict (a judge error, not scored)
     * @throws InterruptedException when the run is stopped while the check waits
     */
    RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment)
            throws InterruptedException;

    /**
     * What this check grades; the harness asks before grading outside a trial. A combinator grades
     * the end state when a check it holds does.
     *
     * <pre>{@code
     * @Override
     * public Grades grades() {
     *     return Grades.END_STATE; // runs the task's tests in the trial's container
     * }
     *
     * @Override
     * public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
     *     if (!(environment.orElseThrow() instanceof Container container)) {
     *         throw new EnvironmentException("tests need a container; task " + task.id() + " ran elsewhere");
     *     }
     *     return container.runTests();
     * }
     * }</pre>
     */
    default Grades grades() {
        return Grades.ANSWER;
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
