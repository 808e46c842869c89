package io.assay.core.run;

import io.assay.core.reward.RewardChecks;
import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.FatalEnvironmentException;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one trial: a fresh environment session, the agent under a timeout, then the reward check
 * ({@link Grading}).
 * Tells the agent's failures (scored 0) apart from the harness's (not scored, retried unless fatal).
 *
 * <p>The agent runs on the calling thread, timed by the {@link Watchdog}: handing each call to
 * another thread would cost more than the rest of a trial put together.
 */
final class TrialExecutor {
    private final Suite suite;
    private final Agent agent;
    private final Environment environment;
    private final Grading grading;
    private final Duration timeout;
    private final int retryErrors;
    private final long baseSeed;
    private final Watchdog watchdog;

    /**
     * @param rewardChecks grade each trial; null leaves trials ungraded, their records without a
     *     reward (an audit probe that only looks around the environment)
     */
    TrialExecutor(Suite suite, Agent agent, Environment environment, RewardChecks rewardChecks,
                  Duration timeout, int retryErrors, long baseSeed, Watchdog watchdog) {
        this.suite = suite;
        this.agent = agent;
        this.environment = environment;
        this.grading = rewardChecks == null ? null : new Grading(suite, rewardChecks);
        this.timeout = timeout;
        this.retryErrors = retryErrors;
        this.baseSeed = baseSeed;
        this.watchdog = watchdog;
    }

    /**
     * Runs the trial, retrying harness errors up to the configured count, except a fatal one, which
     * would fail again the same way.
     *
     * @param onAbandon receives the trial's timeout record if the agent ignores its interruption;
     *     this call then throws {@link AbandonedTrialException} whenever the agent finally returns
     * @throws InterruptedException when the run is stopped
     */
    FinishedTrial run(Task task, int epoch, Consumer<TrialRecord> onAbandon) throws InterruptedException {
        long seed = Seeds.trialSeed(baseSeed, suite.id(), task.id(), epoch);
        FinishedTrial finished = null;
        for (int attempt = 1; attempt <= retryErrors + 1; attempt++) {
            Trial trial = new Trial(task, epoch, seed, attempt, Instant.now());
            finished = new FinishedTrial(task, attempt(trial, onAbandon), trial.fatal);
            if (finished.record().outcome().scored() || finished.fatal()) {
                break;
            }
        }
        return finished;
    }

    private TrialRecord attempt(Trial trial, Consumer<TrialRecord> onAbandon) throws InterruptedException {
        EnvironmentSession session;
        try {
            session = environment.start(trial.task, trial.seed);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return trial.harnessError(e, null, "environment failed to start: " + Failures.describe(e), 0, 0);
        }
        String closeProblem = null;
        TrialRecord record;
        try {
            record = actAndGrade(trial, session, onAbandon);
        } finally {
            try {
                session.close();
            } catch (Exception e) {
                closeProblem = "environment did not close cleanly: " + Failures.describe(e);
            }
        }
        return closeProblem == null ? record : trial.withError(record, closeProblem);
    }

    private TrialRecord actAndGrade(Trial trial, EnvironmentSession session, Consumer<TrialRecord> onAbandon)
            throws InterruptedException {
        AgentInput input = new AgentInput(trial.task, trial.epoch, trial.seed, session);
        long agentStart = System.nanoTime();
        Watchdog.Watch watch = watchdog.arm(timeout, () -> onAbandon.accept(trial.end(Outcome.TIMEOUT, null, null,
                "agent did not finish within " + format(timeout) + " and ignored its interruption; abandoned",
                System.nanoTime() - agentStart, 0)));
        AgentOutput output = null;
        Throwable failure = null;
        try {
            output = agent.act(input);
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                throw e;
            }
            failure = e;
        } catch (Exception | Error e) {
            failure = e;
        }
        switch (watch.disarm()) {
            case ABANDONED -> throw new AbandonedTrialException();
            case TIMED_OUT -> {
                return trial.end(Outcome.TIMEOUT, withTranscript(null, session), null,
                        "agent did not finish within " + format(timeout), System.nanoTime() - agentStart, 0);
            }
            case IN_TIME -> {
                if (failure instanceof InterruptedException stopped) {
                    throw stopped; // Not the watchdog's interruption: the run is being stopped.
                }
            }
        }
        if (failure instanceof EnvironmentException) {
            return trial.harnessError(failure, withTranscript(null, session), Failures.describe(failure),
                    System.nanoTime() - agentStart, 0);
        }
        if (failure != null) {
            return trial.end(Outcome.AGENT_ERROR, withTranscript(null, session), null, Failures.describe(failure),
                    System.nanoTime() - agentStart, 0);
        }
        long agentNanos = System.nanoTime() - agentStart;
        if (output == null) {
            return trial.end(Outcome.AGENT_ERROR, withTranscript(null, session), null, "agent returned no output",
                    agentNanos, 0);
        }
        output = withTranscript(output, session);
        if (grading == null) {
            return trial.end(Outcome.COMPLETED, output, null, null, agentNanos, 0);
        }
        Grading.Graded graded = grading.grade(trial.task, output, Optional.of(session));
        trial.fatal = graded.fatal();
        return trial.end(graded.outcome(), output, graded.reward(), graded.error(), agentNanos, graded.time().toNanos());
    }

    /**
     * The agent's output with what the environment recorded (tool calls, messages) appended, so
     * the trajectory is kept even when the agent failed or traced nothing itself.
     */
    private static AgentOutput withTranscript(AgentOutput output, EnvironmentSession session) {
        List<TraceStep> transcript = session.transcript();
        if (transcript.isEmpty()) {
            return output;
        }
        if (output == null) {
            return new AgentOutput("", transcript);
        }
        List<TraceStep> trace = new ArrayList<>(output.trace());
        trace.addAll(transcript);
        return new AgentOutput(output.answer(), trace);
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Thrown on the thread of an abandoned trial when its agent finally returns: the trial is already recorded. */
    static final class AbandonedTrialException extends RuntimeException {
        AbandonedTrialException() {
            super("trial abandoned after its timeout", null, false, false);
        }
    }

    /** The fixed facts of one attempt, to build its record from. */
    private final class Trial {
        final Task task;
        final int epoch;
        final long seed;
        final int attempt;
        final Instant started;
        /** Whether the attempt ended in a {@link FatalEnvironmentException}. */
        boolean fatal;

        Trial(Task task, int epoch, long seed, int attempt, Instant started) {
            this.task = task;
            this.epoch = epoch;
            this.seed = seed;
            this.attempt = attempt;
            this.started = started;
        }

        TrialRecord end(Outcome outcome, AgentOutput output, RewardResult reward, String error,
                        long agentNanos, long gradingNanos) {
            return new TrialRecord(suite.id(), task.id(), epoch, seed, outcome, output, reward, error, attempt,
                    started, Duration.ofNanos(agentNanos), Duration.ofNanos(gradingNanos));
        }

        /** A harness error caused by {@code cause}, noting whether it is fatal. */
        TrialRecord harnessError(Throwable cause, AgentOutput output, String error, long agentNanos, long gradingNanos) {
            fatal = cause instanceof FatalEnvironmentException;
            return end(Outcome.HARNESS_ERROR, output, null, error, agentNanos, gradingNanos);
        }

        TrialRecord withError(TrialRecord r, String error) {
            String combined = r.error() == null ? error : r.error() + "; " + error;
            return new TrialRecord(r.suite(), r.task(), r.epoch(), r.seed(), r.outcome(), r.output(), r.reward(),
                    combined, r.attempts(), r.started(), r.agentTime(), r.gradingTime());
        }
    }
}
