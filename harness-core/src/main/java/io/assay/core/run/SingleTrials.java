package io.assay.core.run;

import io.assay.launcher.InputException;
import io.assay.core.environment.Environments;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.reward.RewardChecks;
import io.assay.spi.Agent;
import io.assay.spi.Environment;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RunInfo;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Runs individual trials outside a run, exactly as a run does (environment session, timeout,
 * grading), for the audit's probes. Nothing is recorded. Thread-safe: the probes run at once and
 * share one limit on trials under way, so their containers overlap without crowding the machine.
 */
public final class SingleTrials implements AutoCloseable {
    private static final Duration ABANDON_GRACE = Duration.ofSeconds(10);

    private final Suite suite;
    private final ComponentRegistry registry;
    private final RewardChecks rewardChecks;
    private final Environment environment;
    private final Duration timeout;
    private final Watchdog watchdog;
    private final Map<String, TrialExecutor> executors = new ConcurrentHashMap<>();
    private final Map<NamedTrial, CompletableFuture<TrialRecord>> namedTrials = new ConcurrentHashMap<>();
    private final Semaphore underWay;

    /** @param atOnce how many trials may be under way together; the others wait, their time limit not yet started */
    public SingleTrials(Suite suite, ComponentRegistry registry, RewardChecks rewardChecks, Environments environments,
                        Duration timeout, int atOnce) {
        this.suite = suite;
        this.registry = registry;
        this.rewardChecks = rewardChecks;
        this.environment = environments.create(suite.environment(),
                new RunInfo("audit-" + suite.id() + "-" + ProcessHandle.current().pid(), null, suite.id(), null));
        this.timeout = timeout;
        this.watchdog = new Watchdog(timeout, ABANDON_GRACE);
        this.underWay = new Semaphore(atOnce);
    }

    /**
     * One trial of the named agent (created once, with no options) on {@code task}. Like a run, which
     * holds each trial once, an audit runs a named agent's trial of a task and epoch once: a probe
     * asking for one another probe already ran or is running (the {@code null} agent's, which the
     * do-nothing and tamper probes both judge by) gets that trial's record, and no container is
     * started for it. A trial whose probe was interrupted before it finished (a sibling task of that
     * probe failed) is no result: the next probe asking for it runs it.
     */
    public TrialRecord run(String agent, Task task, int epoch) throws InterruptedException {
        NamedTrial key = new NamedTrial(agent, task.id(), epoch);
        while (true) {
            CompletableFuture<TrialRecord> mine = new CompletableFuture<>();
            CompletableFuture<TrialRecord> first = namedTrials.putIfAbsent(key, mine);
            if (first == null) {
                return runShared(key, mine, task);
            }
            Optional<TrialRecord> shared = recordOf(first);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
    }

    private TrialRecord runShared(NamedTrial key, CompletableFuture<TrialRecord> shared, Task task)
            throws InterruptedException {
        try {
            TrialRecord record = run(executors.computeIfAbsent(key.agent(), this::executor), task, key.epoch());
            shared.complete(record);
            return record;
        } catch (InterruptedException e) {
            namedTrials.remove(key, shared);
            shared.completeExceptionally(e);
            throw e;
        } catch (RuntimeException | Error e) {
            shared.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The record of a trial another probe asked for first; empty when that probe was interrupted
     * before the trial finished; what ended the trial otherwise (an agent that cannot be created).
     */
    private static Optional<TrialRecord> recordOf(CompletableFuture<TrialRecord> trial) throws InterruptedException {
        try {
            return Optional.of(trial.get());
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case InterruptedException interrupted -> {
                    return Optional.empty();
                }
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** One trial of an agent the caller made, on {@code task}. */
    public TrialRecord run(Agent agent, Task task, int epoch) throws InterruptedException {
        return run(executor(agent), task, epoch);
    }

    /** One trial of an agent the caller made, on {@code task}, not graded: its record has no reward. */
    public TrialRecord runUngraded(Agent agent, Task task, int epoch) throws InterruptedException {
        return run(new TrialExecutor(suite, agent, environment, null, timeout, 0, 0, watchdog), task, epoch);
    }

    private TrialRecord run(TrialExecutor executor, Task task, int epoch) throws InterruptedException {
        TrialRecord[] abandoned = new TrialRecord[1];
        // Told before waiting: a trial queued behind others is one the environment can prepare for.
        environment.expect(task);
        underWay.acquire();
        try {
            return executor.run(task, epoch, record -> abandoned[0] = record).record();
        } catch (TrialExecutor.AbandonedTrialException e) {
            return abandoned[0];
        } finally {
            underWay.release();
        }
    }

    private TrialExecutor executor(String agentName) {
        Agent agent;
        try {
            agent = registry.agent(agentName).create(Options.empty());
        } catch (InvalidOptionException e) {
            throw new InputException("agent '" + agentName + "' cannot run without options: " + e.getMessage());
        }
        return executor(agent);
    }

    private TrialExecutor executor(Agent agent) {
        return new TrialExecutor(suite, agent, environment, rewardChecks, timeout, 0, 0, watchdog);
    }

    /** A named agent's trial of a task and epoch: what a run would hold once. */
    private record NamedTrial(String agent, String task, int epoch) {
    }

    @Override
    public void close() throws Exception {
        watchdog.close();
        environment.close();
    }
}
