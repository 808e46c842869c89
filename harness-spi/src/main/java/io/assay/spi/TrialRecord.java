package io.assay.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything recorded about one finished trial; one line of a run's {@code trials.jsonl}.
 *
 * <pre>{@code
 * if (record.outcome() == Outcome.COMPLETED && !record.reward().passed()) failures.add(record.task());
 * }</pre>
 *
 * @param suite the suite id
 * @param task the task id
 * @param epoch 0-based repetition
 * @param seed the trial's seed
 * @param outcome how it ended
 * @param output the agent's output, {@code null} unless the agent returned
 * @param reward the grade, {@code null} unless {@code outcome} is {@link Outcome#COMPLETED}; for a
 *     {@link Outcome#JUDGE_ERROR}, the evidence of the failed grading when the check gave some
 *     ({@link VerdictException#evidence()}), with score 0 and not passed, which count for nothing
 * @param error what went wrong, {@code null} when nothing did
 * @param attempts how many times the trial was started (more than 1 after harness-error retries)
 * @param started when the last attempt started
 * @param agentTime time spent in the agent
 * @param gradingTime time spent in the reward check
 */
public record TrialRecord(String suite, String task, int epoch, long seed, Outcome outcome,
                          AgentOutput output, RewardResult reward, String error, int attempts,
                          Instant started, Duration agentTime, Duration gradingTime) {

    /** The score this trial contributes, or {@code NaN} when it is excluded (harness or judge error). */
    public double score() {
        return switch (outcome) {
            case COMPLETED -> reward.score();
            case AGENT_ERROR, TIMEOUT -> 0.0;
            case HARNESS_ERROR, JUDGE_ERROR -> Double.NaN;
        };
    }

    /** Whether this trial counts as solved. */
    public boolean passed() {
        return outcome == Outcome.COMPLETED && reward.passed();
    }
}
