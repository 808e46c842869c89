package io.assay.spi;

/**
 * What an audit probe may use: the suite, the reward check that grades each task, and real
 * trials of registered agents.
 *
 * <pre>{@code
 * RewardCheck check = context.check(task);
 * if (check.grades() == RewardCheck.Grades.ANSWER) {
 *     RewardResult refusal = check.check(task, AgentOutput.of("I don't know"), Optional.empty());
 * }
 * for (int epoch = 0; epoch < context.repeats(); epoch++) {
 *     TrialRecord oracle = context.trial("oracle", task, epoch);
 * }
 * }</pre>
 */
public interface AuditContext {

    Suite suite();

    /** The check that grades {@code task} (its override or the suite default), already created. */
    RewardCheck check(Task task);

    /** How many times probes repeat what must be repeatable, such as oracle trials ({@code --repeats}, default 3). */
    int repeats();

    /**
     * Runs one real trial of a registered agent on {@code task}, in the suite's environment, exactly
     * as {@code assay run} would: fresh environment session, timeout, grading.
     *
     * @param agent a registered agent's name, such as {@code oracle} or {@code null}
     */
    TrialRecord trial(String agent, Task task, int epoch) throws Exception;

    /**
     * Runs one real trial of an agent the probe made itself, such as one that tampers with the
     * grader's files, exactly as {@link #trial(String, Task, int)} does.
     */
    TrialRecord trial(Agent agent, Task task, int epoch) throws Exception;
}
