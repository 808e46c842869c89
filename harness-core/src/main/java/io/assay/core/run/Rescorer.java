package io.assay.core.run;

import io.assay.core.environment.Environments;
import io.assay.core.launcher.InputException;
import io.assay.core.launcher.Manifest;
import io.assay.core.launcher.RescoreResult;
import io.assay.core.launcher.RunResult;
import io.assay.core.results.SummaryCalculator;
import io.assay.core.reward.RewardChecks;
import io.assay.core.suite.SuiteRepository;
import io.assay.spi.AgentOutput;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Outcome;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.RunInfo;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import io.assay.spi.VerdictException;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code assay rescore RUN}: grades a run's recorded outputs again with the suite's current checks,
 * into a new run directory, without running the agent. After a check is fixed, scores are
 * recomputed, not re-bought. Agent failures and timeouts keep their 0. A check that grades a tool
 * environment's end state gets that state back by replaying the trial's recorded tool calls on a
 * fresh copy; one that grades a sandbox cannot be replayed, so those trials keep their grade.
 */
public final class Rescorer {
    private final SuiteRepository suites;
    private final RewardChecks rewardChecks;
    private final Environments environments;
    private final Clock clock;

    @Inject
    public Rescorer(SuiteRepository suites, RewardChecks rewardChecks, Environments environments, Clock clock) {
        this.suites = suites;
        this.rewardChecks = rewardChecks;
        this.environments = environments;
        this.clock = clock;
    }

    /**
     * @param out the new run directory, or {@code null} for {@code RUN-rescored} beside the run
     * @param arguments the command line, for the new manifest
     */
    public RescoreResult rescore(Path run, Path out, List<String> arguments) throws Exception {
        RunDirectory source = RunDirectory.open(run);
        Manifest manifest = source.readManifest();
        Path suitePath = Path.of(manifest.workingDirectory()).resolve(manifest.suite().path());
        Suite suite = suites.load(suitePath);
        Map<String, Task> tasks = suite.tasks().stream().collect(Collectors.toMap(Task::id, Function.identity()));
        RunDirectory target = RunDirectory.create(out != null ? out : besides(run));
        Manifest rescored = manifest.rescored(target.path().getFileName().toString(),
                new Manifest.SuiteRef(suite.id(), suite.version(), suite.contentHash(), manifest.suite().path(),
                        suite.tasks().size(), manifest.suite().selected()),
                arguments, clock.instant().toString(), run.toString());
        target.writeManifest(rescored);
        Tally tally = new Tally();
        try (TrialLog log = new TrialLog(target.trialsFile(), SummaryCalculator.forRun(rescored), SinkFanOut.none());
             Environment environment = environments.create(suite.environment(),
                     new RunInfo(rescored.runId(), target.path(), suite.id(), manifest.agent().name()))) {
            List<Exception> failure = new ArrayList<>();
            source.forEachTrial(stored -> {
                TrialRecord before = stored.record();
                Task task = tasks.get(before.task());
                if (task == null) {
                    failure.add(new InputException("task '" + before.task() + "' of " + run + " is not in " + suitePath
                            + " any more", "rescoring needs every task the run graded"));
                    return;
                }
                if (failure.isEmpty()) {
                    TrialRecord after = regrade(suite, task, before, environment, tally);
                    tally.compare(before, after);
                    log.append(after, task);
                }
            });
            if (!failure.isEmpty()) {
                throw failure.getFirst();
            }
            RunResult result = new RunResult(target.path(), Manifest.COMPLETED, log.summary(), 0, List.of(), null);
            target.writeSummary(result.summary());
            return new RescoreResult(rescored, result, tally.regraded, tally.kept, tally.changes);
        }
    }

    private TrialRecord regrade(Suite suite, Task task, TrialRecord before, Environment environment, Tally tally) {
        boolean graded = before.outcome() == Outcome.COMPLETED || before.outcome() == Outcome.JUDGE_ERROR
                || before.outcome() == Outcome.HARNESS_ERROR && before.output() != null;
        if (!graded) {
            return before; // the agent failed, or no output was recorded: nothing to grade
        }
        RewardCheck check = rewardChecks.forTask(suite, task);
        long start = System.nanoTime();
        Outcome outcome = Outcome.COMPLETED;
        RewardResult reward = null;
        String error = null;
        try {
            reward = grade(check, task, before, environment);
            if (reward == null) {
                tally.kept++;
                return before;
            }
        } catch (VerdictException e) {
            outcome = Outcome.JUDGE_ERROR;
            reward = NoVerdict.evidence(e);
            error = "judge error: " + e.getMessage();
        } catch (Exception e) {
            outcome = Outcome.HARNESS_ERROR;
            error = "reward check " + suite.rewardFor(task).get("type") + " failed: " + e;
        }
        tally.regraded++;
        return new TrialRecord(before.suite(), before.task(), before.epoch(), before.seed(), outcome, before.output(),
                reward, error, before.attempts(), before.started(), before.agentTime(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The new grade, or {@code null} when the check needs an end state that cannot be rebuilt. */
    private static RewardResult grade(RewardCheck check, Task task, TrialRecord before, Environment environment)
            throws Exception {
        AgentOutput output = before.output();
        try {
            return check.check(task, output);
        } catch (UnsupportedOperationException gradesTheEnvironment) {
            try (EnvironmentSession session = environment.start(task, before.seed())) {
                if (!(session instanceof ToolEnvironment tools)) {
                    return null;
                }
                for (TraceStep step : output.trace()) {
                    if (step.kind().equals("tool_call") && step.data().get("arguments") instanceof Map<?, ?> arguments) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) arguments;
                        tools.call(String.valueOf(step.data().get("name")), typed);
                    }
                }
                return check.check(task, output, session);
            }
        }
    }

    private static Path besides(Path run) {
        Path parent = run.toAbsolutePath().getParent();
        String name = run.toAbsolutePath().getFileName() + "-rescored";
        Path candidate = parent.resolve(name);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = parent.resolve(name + "-" + n);
        }
        return candidate;
    }

    /** Counts, and the trials whose grade moved. */
    private static final class Tally {
        private static final int CHANGES_KEPT = 50;
        final List<String> changes = new ArrayList<>();
        long regraded;
        long kept;

        void compare(TrialRecord before, TrialRecord after) {
            boolean moved = before.passed() != after.passed() || before.outcome() != after.outcome()
                    || !Objects.equals(score(before), score(after));
            if (moved && changes.size() < CHANGES_KEPT) {
                changes.add(before.task() + " epoch " + before.epoch() + ": " + verdict(before) + " -> " + verdict(after));
            }
        }

        private static Double score(TrialRecord record) {
            return record.outcome().scored() ? record.score() : null;
        }

        private static String verdict(TrialRecord record) {
            if (!record.outcome().scored()) {
                return record.outcome().name().toLowerCase(Locale.ROOT);
            }
            return (record.passed() ? "pass" : "fail") + " " + record.score();
        }
    }
}
