package io.assay.spi;

/**
 * What an agent gets for one trial.
 *
 * <pre>{@code
 * String question = input.task().prompt();
 * Random random = new Random(input.seed()); // reproducible per suite, task and epoch
 * }</pre>
 *
 * @param task the task to solve
 * @param epoch 0-based repetition number
 * @param seed deterministic, derived from suite, task, epoch and the run's base seed
 * @param environment the trial's environment session
 */
public record AgentInput(Task task, int epoch, long seed, EnvironmentSession environment) {
}
