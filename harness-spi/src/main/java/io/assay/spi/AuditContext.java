package io.assay.spi;

/**
 * What an audit probe may use: the suite, and the reward check that grades each task.
 *
 * <pre>{@code
 * RewardResult r = context.check(task).check(task, AgentOutput.of("I don't know"));
 * }</pre>
 */
public interface AuditContext {

    Suite suite();

    /** The check that grades {@code task} (its override or the suite default), already created. */
    RewardCheck check(Task task);
}
