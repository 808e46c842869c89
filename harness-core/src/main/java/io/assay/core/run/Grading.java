package io.assay.core.run;

import io.assay.core.reward.RewardChecks;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.FatalEnvironmentException;
import io.assay.spi.Outcome;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.VerdictException;
import java.time.Duration;
import java.util.Optional;

/**
 * The grading step of a trial, one for running it and for rescoring it, so both classify alike: a
 * result is {@link Outcome#COMPLETED}; a {@link VerdictException} is a {@link Outcome#JUDGE_ERROR}
 * that keeps the check's evidence; anything else the check throws, checked or not, and a missing
 * result are a {@link Outcome#HARNESS_ERROR}, since a grader that fails is the benchmark's bug, never
 * the agent's failure. An interruption is not the check's failure: the run is being stopped.
 */
final class Grading {
    private final Suite suite;
    private final RewardChecks rewardChecks;

    Grading(Suite suite, RewardChecks rewardChecks) {
        this.suite = suite;
        this.rewardChecks = rewardChecks;
    }

    /** The check that grades {@code task}: what it {@link RewardCheck#grades() grades} decides how to grade it. */
    RewardCheck check(Task task) {
        return rewardChecks.forTask(suite, task);
    }

    /**
     * Grades {@code output} with the task's check.
     *
     * @param environment the trial's open session; empty only for a check that grades the answer
     * @throws InterruptedException when the run is stopped while the check waits
     */
    Graded grade(Task task, AgentOutput output, Optional<EnvironmentSession> environment) throws InterruptedException {
        long start = System.nanoTime();
        try {
            RewardResult reward = check(task).check(task, output, environment);
            return reward == null
                    ? new Graded(Outcome.HARNESS_ERROR, null, label(task) + " returned no result", null, since(start))
                    : new Graded(Outcome.COMPLETED, reward, null, null, since(start));
        } catch (InterruptedException e) {
            throw e;
        } catch (VerdictException e) {
            return new Graded(Outcome.JUDGE_ERROR, noVerdict(e), "judge error: " + e.getMessage(), e, since(start));
        } catch (Exception e) {
            // Exception, not RuntimeException: a check may throw a checked one it does not declare (a
            // sneaky throw, another JVM language), and that is as much the grader's failure.
            return failed(task, e, since(start));
        }
    }

    /** A harness error of the task's check: it threw {@code cause}, or what it grades could not be set up. */
    Graded failed(Task task, Exception cause, Duration time) {
        String error = label(task) + " failed: " + Failures.describe(cause);
        return new Graded(Outcome.HARNESS_ERROR, null, error, cause, time);
    }

    private String label(Task task) {
        return "reward check " + suite.rewardFor(task).get("type");
    }

    /**
     * What a judge error keeps of the failed grading: the check's evidence (its replies and model
     * calls, which cost money and count towards usage), as a reward that counts for nothing;
     * {@code null} when the check gave none.
     */
    private static RewardResult noVerdict(VerdictException e) {
        return e.evidence().isEmpty() ? null
                : new RewardResult(0.0, false, "no verdict: " + e.getMessage(), e.evidence());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * How grading ended.
     *
     * @param reward the check's result; for a judge error, its evidence, or {@code null}
     * @param error why the trial is not scored, or {@code null} when it completed
     * @param cause what the check threw, or {@code null}
     * @param time how long grading took
     */
    record Graded(Outcome outcome, RewardResult reward, String error, Exception cause, Duration time) {

        /** Whether the check failed in a way that recurs in every trial (a refused key), so retrying is pointless. */
        boolean fatal() {
            return cause instanceof FatalEnvironmentException;
        }
    }
}
