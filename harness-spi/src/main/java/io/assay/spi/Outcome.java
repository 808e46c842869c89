package io.assay.spi;

/**
 * How a trial ended. {@link #HARNESS_ERROR} and {@link #JUDGE_ERROR} are excluded from the score:
 * the other failures are the agent's and score 0.
 *
 * <pre>{@code
 * if (!record.outcome().scored()) retry(record);
 * }</pre>
 */
public enum Outcome {
    /** The agent answered and the answer was graded (or not, in an audit's {@link AuditContext#ungradedTrial}: no reward). */
    COMPLETED,
    /** The agent threw: its failure, scored 0. */
    AGENT_ERROR,
    /** The agent ran past the trial timeout: scored 0. */
    TIMEOUT,
    /** The harness, environment or grader broke: not scored, retryable. */
    HARNESS_ERROR,
    /** The reward check could not reach a verdict ({@link VerdictException}), such as an LLM judge's unparseable reply: not scored, retryable. */
    JUDGE_ERROR;

    /** Whether the trial counts in the score: false when the harness or the judge failed, not the agent. */
    public boolean scored() {
        return this != HARNESS_ERROR && this != JUDGE_ERROR;
    }
}
