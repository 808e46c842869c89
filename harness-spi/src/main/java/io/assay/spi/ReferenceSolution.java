package io.assay.spi;

/**
 * An environment that knows how to apply its task's reference solution, such as a sandbox that
 * uploads {@code solution/} and runs {@code solve.sh}. The {@code oracle} agent uses it when the
 * trial's session offers it, and otherwise answers the task's {@code solution}.
 *
 * <pre>{@code
 * if (input.environment() instanceof ReferenceSolution reference) {
 *     return reference.solve(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public interface ReferenceSolution {

    /**
     * Applies the reference solution in this session, within the task's own time limit, and
     * returns what an agent would have returned.
     */
    AgentOutput solve() throws InterruptedException;
}
