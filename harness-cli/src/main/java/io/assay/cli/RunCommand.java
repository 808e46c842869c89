package io.assay.cli;

import io.assay.cli.progress.ProgressMode;
import io.assay.cli.progress.ProgressReporter;
import io.assay.cli.slurm.Preparation;
import io.assay.cli.slurm.ShardClaims;
import io.assay.cli.slurm.SlurmRun;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.MaxErrors;
import io.assay.launcher.PreparedRun;
import io.assay.launcher.RunProgress;
import io.assay.launcher.RunReport;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.launcher.Shard;
import io.assay.launcher.ShardHeldException;
import io.assay.kit.Plural;
import io.assay.spi.Options;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay run}: evaluates an agent on a suite and writes a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs an agent on a suite and writes a run directory.",
                "Runs every task of SUITE with an agent (tasks x epochs trials) and writes a run directory: manifest.json,"
                        + " trials.jsonl (one line per finished trial, flushed as it finishes) and summary.json."},
        footer = {"", "Examples:",
                "  assay run examples/arithmetic --agent oracle",
                "  assay run examples/arithmetic --agent scripted -A file=examples/arithmetic/predictions.jsonl",
                "  assay run examples/multiple-choice --agent null --epochs 5 --concurrency 8 --out runs/mc-null",
                "  assay run --resume runs/mc-null        # after Ctrl-C or a crash: runs only the missing trials",
                "  assay run examples/arithmetic --agent oracle --shard 0/4 --out runs/arith   # one of 4 processes",
                "  assay run examples/arithmetic --agent oracle --out /shared/runs/arith --executor slurm --shards 4",
                "  assay run examples/arithmetic --agent chat --model openai/m --max-errors 5%%",
                "  assay run my-judged-suite --agent chat --model openai/m --judge-model openai/gpt-4o-mini",
                "  assay run ../shared/benchmarks/tau-bench/tau2/airline --agent oracle --split test",
                "  assay run examples/terminal --agent oracle --allow-internet -E warm_pool=4",
                "",
                "Exit codes: 0 all trials recorded, 1 some trials ended in harness or judge errors (not scored),",
                "2 bad usage or input, or the run stopped (aborted: trials kept failing;",
                "failed: its environment could not start; on Slurm: no sbatch, a refused job, a shard failing",
                "repeatedly), resumable once the cause is fixed;",
                "130 interrupted (resumable)."})
final class RunCommand implements Callable<Integer> {
    static final int INTERRUPTED = 130;
    /** Aborted or failed: like bad input, the setup needs fixing before trials can run. */
    static final int STOPPED = ErrorReporter.BAD_INPUT;

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "The suite directory.")
    Path suite;

    @Mixin
    TaskSelectionOptions selection;

    @Mixin
    EnvironmentOptions environment;

    @Mixin
    JudgeOptions judge;

    @Mixin
    AgentOptions agent;

    @Mixin
    ExecutorOptions executor;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1", description = "Trials per task (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--concurrency", paramLabel = "N", description = "Trials at once (default: 8; on --resume, as before).")
    Integer concurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "300s", converter = DurationConverter.class,
            description = "Per-trial limit for the agent, e.g. 90s, 500ms, 5m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--retry-errors", paramLabel = "N", defaultValue = "0",
            description = "Retry a trial up to N times when the harness or environment fails (never on agent failure).")
    int retryErrors;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Base seed every trial seed derives from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "The run directory to create (default: runs/SUITE-AGENT-TIME).")
    Path out;

    @Option(names = "--sink", paramLabel = "NAME", description = "Also send trial records to this result sink. Repeatable.")
    List<String> sinks = new ArrayList<>();

    @Option(names = "--baselines",
            description = "Also record what trivial agents (empty, refusal, echo, constant answers) score on the suite, to read the result against (ABC R.13).")
    boolean baselines;

    @Option(names = "--max-cost", paramLabel = "USD",
            description = "Stop scheduling trials once model calls have cost this much (US dollars); resumable.")
    BigDecimal maxCost;

    @Option(names = "--max-errors", paramLabel = "N|P%",
            description = "Stop scheduling trials once more than N of them, or more than P percent (judged after 20),"
                    + " end in harness or judge errors; resumable. Counted afresh on --resume.")
    String maxErrors;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I of N (0 <= I < N) into the run directory --out that all N shards share;"
                    + " the last shard to finish combines them. Run it again to resume the shard.")
    String shard;

    /** Set by the Slurm executor on its array tasks (ShardCommand); not for users, so not in the help. */
    @Option(names = "--prepared-tasks", hidden = true,
            description = "Run the tasks the command that created the run wrote for this shard, without loading the suite.")
    boolean preparedTasks;

    /** Set by the Slurm executor on its array tasks (ShardCommand); not for users, so not in the help. */
    @Option(names = "--then-unstarted-shards", hidden = true,
            description = "After this shard, run each shard of the run that no process has begun (their tasks still wait).")
    boolean unstartedShards;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue an interrupted run with its recorded settings.")
    Path resume;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, periodic lines otherwise), bar, lines or none.")
    ProgressMode progress;

    @Override
    public Integer call() throws Exception {
        executor.check(shard != null, resume != null);
        if (executor.slurm()) {
            return runOnSlurm();
        }
        if (unstartedShards && (shard == null || out == null)) {
            throw new InputException("--then-unstarted-shards is for a shard (--shard I/N, --out DIR) of a run the Slurm"
                    + " executor created", "drop --then-unstarted-shards");
        }
        Assay assay = shared.open();
        if (resume != null) {
            return execute(assay.resume(resume, checkResumeArguments(), maxCost, maxErrors()), null);
        }
        Shard part = shard == null ? null : Shard.parse(shard);
        if (preparedTasks && part != null && out != null) {
            // A Slurm array task may start before the submitting command has written the run's tasks.
            Preparation.await(out, spec.commandLine().getErr());
        }
        if (unstartedShards) {
            return runArrayTask(assay, part);
        }
        return execute(assay.start(settings(out, part)), part);
    }

    /**
     * A Slurm array task: its own shard, then each shard no process has begun, while the shards end
     * as they should (every trial recorded, some perhaps unscored: not stopped by a budget, an error
     * limit or Ctrl-C); the worst exit code of them. A shard another process holds is left to it.
     */
    private int runArrayTask(Assay assay, Shard mine) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Set<Integer> tried = new HashSet<>();
        int code = 0;
        boolean ended = true; // each shard so far ended with every trial recorded, or was left to another process
        for (Optional<Shard> next = Optional.of(mine); next.isPresent() && ended; next = ShardClaims.nextUnstarted(out, mine, tried)) {
            Shard taken = next.get();
            tried.add(taken.index());
            // A shard another task is starting is seen before its tasks are read, or refused by its lock then.
            if (!taken.equals(mine) && RunProgress.running(out, taken)) {
                leave(taken, err);
                continue;
            }
            PreparedRun run;
            try {
                run = assay.start(settings(out, taken));
            } catch (ShardHeldException held) {
                leave(taken, err);
                continue;
            }
            if (!taken.equals(mine)) {
                ShardClaims.record(out, taken);
            }
            code = Math.max(code, execute(run, taken));
            ended = RunProgress.finished(out, taken);
        }
        return code;
    }

    private static void leave(Shard running, PrintWriter err) {
        err.println("Shard " + running + " is run by another process; leaving it to that one.");
        err.flush();
    }

    /** Runs the prepared {@code run}, shard {@code part} of a run or all of it ({@code null}), and reports it: the exit code. */
    private int execute(PreparedRun run, Shard part) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (InterruptHook interrupt = InterruptHook.on(run)) {
            String subset = run.manifest().settings().selection() != null
                    ? " (tasks " + SummaryTable.subset(run.manifest()) + ")" : "";
            String partText = part != null ? ", shard " + part + "," : "";
            err.println((resume != null ? "Resuming " : "Running ") + run.manifest().suite().id() + subset + partText + " with agent "
                    + run.manifest().agent().name() + " -> " + run.directory());
            err.flush();
            RunResult result = run.execute(ProgressReporter.create(progress, err));
            if (result.failed()) {
                err.println("error: run failed: " + result.reason());
                err.println("hint: once that is fixed, run its trials with: " + resumeCommand(result.directory(), part, ""));
                err.flush();
                return STOPPED;
            }
            out.print(SummaryTable.render(result.summary(), run.manifest()));
            out.println("Run directory: " + result.directory());
            out.flush();
            if (part != null && !result.interrupted()) {
                reportShards(result.directory(), err);
            }
            result.warnings().forEach(w -> err.println("warning: " + w));
            if (result.interrupted()) {
                err.println("Interrupted: " + result.summary().trials() + " of "
                        + Plural.of(result.summary().expectedTrials(), "trial") + " recorded. Resume with: "
                        + resumeCommand(result.directory(), part, ""));
                err.flush();
                return INTERRUPTED;
            }
            Optional.ofNullable(result.summary().usage()).ifPresent(usage -> usage.warnings()
                    .forEach(warning -> err.println("warning: model identity: " + warning)));
            if (maxCost != null && result.summary().usage() != null && result.summary().usage().unpricedCalls() > 0) {
                err.println("warning: " + Plural.of(result.summary().usage().unpricedCalls(), "model call")
                        + " without a known price; --max-cost counts only priced calls (add prices with --prices FILE)");
            }
            if (result.aborted()) {
                err.println("error: run aborted: " + result.reason());
                err.println("hint: no more trials were scheduled, " + result.summary().trials() + " of "
                        + result.summary().expectedTrials() + " recorded; fix the cause, then resume with: "
                        + resumeCommand(result.directory(), part, ""));
                err.flush();
                return STOPPED;
            }
            if (result.budgetReached()) {
                err.println("Stopped: the cost budget was reached (" + SummaryTable.usd(result.summary().usage().costUsd())
                        + " spent); no more trials were scheduled, " + result.summary().trials() + " of "
                        + Plural.of(result.summary().expectedTrials(), "trial") + " recorded. Resume with: "
                        + resumeCommand(result.directory(), part, " --max-cost HIGHER"));
                err.flush();
                return ErrorReporter.FAILURES;
            }
            if (result.summary().errors() > 0) {
                err.println("warning: " + Plural.of(result.summary().errors(), "trial") + " not scored (harness or judge"
                        + " errors); see `error` in trials.jsonl, or rerun with --retry-errors");
                err.flush();
                return ErrorReporter.FAILURES;
            }
            return 0;
        }
    }

    /** {@code --executor slurm}: the shards run as a job array; this command submits, follows and reports. */
    private int runOnSlurm() throws Exception {
        if (out == null) {
            throw new InputException("--executor slurm needs --out DIR: the run directory every shard writes to,"
                    + " on a filesystem the cluster's nodes share", "for example --out /shared/runs/arithmetic");
        }
        PrintWriter err = spec.commandLine().getErr();
        // Shard 0's settings: preparing them lays out the run directory and its manifest for all shards.
        RunSettings settings = settings(out.toAbsolutePath().normalize(), new Shard(0, executor.shards));
        SlurmRun slurm = new SlurmRun(shared.open(), settings, executor.slurmOptions,
                spec.commandLine().getParseResult().originalArgs(), err);
        return switch (slurm.run(executor.detach, ProgressReporter.forMode(progress, err))) {
            case DETACHED -> 0;
            case INTERRUPTED -> INTERRUPTED;
            case COMPLETED -> reportCombined(RunReport.completed(slurm.directory()));
        };
    }

    /** The summary of a run the shards combined; exit 1 when some trials were not scored. */
    private int reportCombined(RunReport report) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        stdout.print(SummaryTable.render(report.summary(), report.manifest()));
        stdout.println("Run directory: " + report.directory());
        stdout.flush();
        if (report.summary().errors() > 0) {
            err.println("warning: " + Plural.of(report.summary().errors(), "trial") + " not scored (harness or judge"
                    + " errors); see `error` in trials.jsonl, or rerun with --retry-errors");
            err.flush();
            return ErrorReporter.FAILURES;
        }
        return 0;
    }

    /**
     * How to continue the run in {@code directory}, {@code extra} flags added: {@code assay run --resume},
     * or, as shard {@code part} refuses that, the command that started the shard, run again.
     */
    private static String resumeCommand(Path directory, Shard part, String extra) {
        return part == null ? "assay run --resume " + directory + extra
                : "the same command (assay run ... --shard " + part + " --out " + directory + extra + ")";
    }

    /** After a shard: how many of the run's shards are done, and whether this one combined them. */
    private static void reportShards(Path directory, PrintWriter err) {
        // From the manifest and the shards' markers: counting the trials of every shard file is not needed here.
        Manifest manifest = RunReport.manifestOf(directory);
        int count = manifest.shards().count();
        if (Manifest.COMPLETED.equals(manifest.status())) {
            err.println("All " + count + " shards done: " + directory + " holds the whole run (trials.jsonl, summary.json);"
                    + " see it with: assay report " + directory);
        } else {
            err.println(RunProgress.finishedShards(directory) + " of " + count + " shards done; the last to finish combines them."
                    + " Progress: assay status " + directory);
        }
        err.flush();
    }

    private RunSettings settings(Path directory, Shard part) {
        if (suite == null) {
            throw new InputException("missing SUITE: the suite directory to run", "assay run examples/arithmetic --agent oracle");
        }
        if (agent.agent == null) {
            throw new InputException("missing --agent NAME", "`assay plugins` lists the agents; try --agent oracle");
        }
        if (preparedTasks && part == null) {
            throw new InputException("--prepared-tasks is for a shard (--shard I/N) of a run the Slurm executor created",
                    "drop --prepared-tasks");
        }
        RunSettings.Builder settings = RunSettings.builder(suite, agent.agent).agentOptions(Options.of(agent.options())).epochs(epochs)
                .timeout(timeout).retryErrors(retryErrors).seed(seed).out(directory).sinks(sinks).baselines(baselines)
                .arguments(spec.commandLine().getParseResult().originalArgs()).maxCostUsd(maxCost)
                .maxErrors(maxErrors()).selection(selection.selection())
                .environmentOptions(environment.environmentOptions()).checkDefaults(judge.checkDefaults())
                .shard(part).preparedTasks(preparedTasks);
        if (concurrency != null) {
            settings.concurrency(concurrency);
        }
        return settings.build();
    }

    private MaxErrors maxErrors() {
        return maxErrors == null ? null : MaxErrors.parse(maxErrors);
    }

    /** On resume the manifest is the source of truth; only concurrency may differ. */
    private Integer checkResumeArguments() {
        List<String> conflicting = new ArrayList<>();
        var parsed = spec.commandLine().getParseResult();
        List<String> fixed = new ArrayList<>(AgentOptions.NAMES);
        fixed.addAll(List.of("--epochs", "--timeout", "--retry-errors", "--seed", "--out", "--sink", "--baselines", "--shard"));
        fixed.addAll(TaskSelectionOptions.NAMES);
        fixed.addAll(EnvironmentOptions.NAMES);
        fixed.addAll(JudgeOptions.NAMES);
        for (String option : fixed) {
            if (parsed.hasMatchedOption(option)) {
                conflicting.add(option);
            }
        }
        if (suite != null) {
            conflicting.add("SUITE");
        }
        if (!conflicting.isEmpty()) {
            throw new InputException("--resume takes its settings from the run's manifest.json; drop "
                    + String.join(", ", conflicting), "only --concurrency, --max-cost, --max-errors and --progress may change on resume");
        }
        return concurrency;
    }
}
