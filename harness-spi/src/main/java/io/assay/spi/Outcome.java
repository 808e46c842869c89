package io.assay.spi;

/**
 * How a trial ended. Only {@link #HARNESS_ERROR} is excluded from the score: the other failures
 * are the agent's and score 0.
 *
 * <pre>{@code
 * if (record.outcome() == Outcome.HARNESS_ERROR) retry(record);
 * }</pre>
 */
public enum Outcome {
    /** The agent answered and the answer was graded. */
    COMPLETED,
    /** The agent threw: its failure, scored 0. */
    AGENT_ERROR,
    /** The agent ran past the trial timeout: scored 0. */
    TIMEOUT,
    /** The harness, environment or grader broke: not scored, retryable. */
    HARNESS_ERROR
}
