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
     * as {@code assay run} would: fresh environment session, timeout, grading. As in a run, each
     * agent, task and epoch is one trial: probes asking for the same one share its record.
     *
     * @param agent a registered agent's name, such as {@code oracle} or {@code null}
     */
    TrialRecord trial(String agent, Task task, int epoch) throws Exception;

    /**
     * Runs one real trial of an agent the probe made itself, such as one that tampers with the
     * grader's files, exactly as {@link #trial(String, Task, int)} does.
     */
    TrialRecord trial(Agent agent, Task task, int epoch) throws Exception;

    /**
     * Runs one trial of the probe's own agent as {@link #trial(Agent, Task, int)} does but does not
     * grade it, for a probe that wants only what its agent found in the environment, never the
     * verdict: grading a sandbox costs a copy of the tests in, a run of them and a read of the
     * reward. The harness's context returns a record with no reward; this default grades anyway,
     * which serves the same probes at that higher cost.
     *
     * <pre>{@code
     * TrialRecord look = context.ungradedTrial(fingerprinter, task, 0); // look.reward() == null
     * }</pre>
     */
    default TrialRecord ungradedTrial(Agent agent, Task task, int epoch) throws Exception {
        return trial(agent, task, epoch);
    }
}
