package io.assay.core.run;

import io.assay.core.environment.Environments;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.RescoreResult;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.core.results.SummaryCalculator;
import io.assay.core.reward.RewardChecks;
import io.assay.core.suite.SuiteRepository;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.RewardCheck;
import io.assay.spi.RunInfo;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.ToolCall;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.TrialRecord;
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
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code assay rescore RUN}: grades a run's recorded outputs again with the suite's current checks,
 * into a new run directory, without running the agent. After a check is fixed, scores are
 * recomputed, not re-bought. Agent failures and timeouts keep their 0. A check that grades a tool
 * environment's end state gets that state back by replaying the trial's recorded tool calls on a
 * fresh copy; one that grades a sandbox cannot be replayed, so those trials keep their grade. The
 * suite is loaded as the run loaded it: the same split, the same environment options.
 */
public final class Rescorer {
    private final SuiteRepository suites;
    private final RewardChecks rewardChecks;
    private final Environments environments;
    private final ComponentRegistry registry;
    private final Clock clock;

    @Inject
    public Rescorer(SuiteRepository suites, RewardChecks rewardChecks, Environments environments,
                    ComponentRegistry registry, Clock clock) {
        this.suites = suites;
        this.registry = registry;
        this.rewardChecks = rewardChecks;
        this.environments = environments;
        this.clock = clock;
    }

    /** Grades with the reward-check defaults the run was graded with. */
    public RescoreResult rescore(Path run, Path out, List<String> arguments) throws Exception {
        return rescore(run, out, null, arguments);
    }

    /**
     * @param out the new run directory, or {@code null} for {@code RUN-rescored} beside the run
     * @param checkDefaults the reward-check defaults to grade with (a new {@code --judge-model}), or
     *     {@code null} for those the run was graded with
     * @param arguments the command line, for the new manifest
     */
    public RescoreResult rescore(Path run, Path out, Map<String, Options> checkDefaults, List<String> arguments)
            throws Exception {
        RunDirectory source = RunDirectory.open(run);
        Manifest manifest = source.readManifest();
        RunSettings recorded = RunSettings.resuming(manifest).build();
        Path suitePath = recorded.suite();
        Suite suite = environments.configure(suites.load(suitePath, Optional.ofNullable(recorded.selection().split())),
                recorded.environmentOptions());
        Map<String, Options> defaults = checkDefaults != null ? checkDefaults : recorded.checkDefaults();
        RewardChecks checks = rewardChecks.withDefaults(defaults, suite);
        Map<String, Task> tasks = suite.tasks().stream().collect(Collectors.toMap(Task::id, Function.identity()));
        RunDirectory target = RunDirectory.create(out != null ? out : besides(run));
        Manifest rescored = manifest.rescored(target.path().getFileName().toString(),
                new Manifest.SuiteRef(suite.id(), suite.version(), suite.contentHash(), manifest.suite().path(),
                        suite.tasks().size(), manifest.suite().selected()),
                defaults, arguments, clock.instant().toString(), run.toString(),
                Manifest.PluginJar.hashing(registry.pluginJars()).get());
        target.writeManifest(rescored);
        Tally tally = new Tally();
        try (TrialLog log = new TrialLog(target.trialsFile(), SummaryCalculator.forRun(rescored), SinkFanOut.none());
             Environment environment = environments.create(suite.environment(),
                     new RunInfo(rescored.runId(), target.path(), suite.id(), manifest.agent().name()))) {
            Grading grading = new Grading(suite, checks);
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
                    try {
                        TrialRecord after = regrade(grading, task, before, environment, tally);
                        tally.compare(before, after);
                        log.append(after, task);
                    } catch (InterruptedException stopped) {
                        failure.add(stopped); // rethrown below: rescoring stops
                    }
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

    /** The trial graded again; as it was when it has nothing to grade or its end state cannot be rebuilt. */
    private static TrialRecord regrade(Grading grading, Task task, TrialRecord before, Environment environment,
                                       Tally tally) throws InterruptedException {
        boolean graded = before.outcome() == Outcome.COMPLETED || before.outcome() == Outcome.JUDGE_ERROR
                || before.outcome() == Outcome.HARNESS_ERROR && before.output() != null;
        if (!graded) {
            return before; // the agent failed, or no output was recorded: nothing to grade
        }
        Grading.Graded after;
        if (grading.check(task).grades() == RewardCheck.Grades.ANSWER) {
            after = grading.grade(task, before.output(), Optional.empty());
        } else {
            Optional<Grading.Graded> replayed = gradeReplayed(grading, task, before, environment);
            if (replayed.isEmpty()) {
                tally.kept++;
                return before;
            }
            after = replayed.get();
        }
        tally.regraded++;
        return new TrialRecord(before.suite(), before.task(), before.epoch(), before.seed(), after.outcome(),
                before.output(), after.reward(), after.error(), before.attempts(), before.started(), before.agentTime(),
                after.time());
    }

    /**
     * Grades the end state the trial's recorded tool calls rebuild on a fresh session; empty when
     * the environment has no tools to replay (a sandbox). A session that fails to start or to replay
     * is a harness error, as it would be in a trial.
     */
    private static Optional<Grading.Graded> gradeReplayed(Grading grading, Task task, TrialRecord before,
                                                          Environment environment) throws InterruptedException {
        long start = System.nanoTime();
        try (EnvironmentSession session = environment.start(task, before.seed())) {
            if (!(session instanceof ToolEnvironment tools)) {
                return Optional.empty();
            }
            before.output().trace().stream().map(ToolCall::from).flatMap(Optional::stream)
                    .forEach(call -> tools.call(call.name(), call.arguments()));
            return Optional.of(grading.grade(task, before.output(), Optional.of(session)));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Optional.of(grading.failed(task, e, Duration.ofNanos(System.nanoTime() - start)));
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
