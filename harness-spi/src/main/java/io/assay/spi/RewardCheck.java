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
 */
@FunctionalInterface
public interface RewardCheck {

    RewardResult check(Task task, AgentOutput output);
}
