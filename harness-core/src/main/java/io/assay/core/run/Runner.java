package io.assay.core.run;

import io.assay.core.InputException;
import io.assay.core.baseline.TrivialBaselines;
import io.assay.core.environment.Environments;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.results.ModelUsage;
import io.assay.core.results.SummaryCalculator;
import io.assay.core.reward.RewardChecks;
import io.assay.core.suite.SuiteRepository;
import io.assay.core.suite.TaskSelection;
import io.assay.spi.Agent;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prepares runs: loads and validates the suite, creates the agent, lays out the run directory.
 * Everything that can be wrong with the input fails here, before the first trial starts.
 */
public final class Runner {
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final SuiteRepository suites;
    private final ComponentRegistry registry;
    private final RewardChecks rewardChecks;
    private final Environments environments;

    @Inject
    public Runner(SuiteRepository suites, ComponentRegistry registry, RewardChecks rewardChecks,
                  Environments environments) {
        this.suites = suites;
        this.registry = registry;
        this.rewardChecks = rewardChecks;
        this.environments = environments;
    }

    /** A new run. */
    public Run start(RunRequest request) {
        Suite whole = suites.load(request.suite());
        Suite suite = request.selection().applyTo(whole, request.seed());
        Agent agent = createAgent(request.agent(), request.agentOptions());
        sinksExist(request.sinks());
        String now = Instant.now().toString();
        RunDirectory directory = RunDirectory.create(request.out() != null
                ? request.out() : defaultDirectory(suite.id(), request.agent()));
        Manifest manifest = new Manifest(directory.path().getFileName().toString(), Manifest.RUNNING,
                new Manifest.SuiteRef(suite.id(), suite.version(), suite.contentHash(),
                        request.suite().toString(), whole.tasks().size(),
                        request.selection().isAll() ? null : suite.tasks().size()),
                new Manifest.AgentRef(request.agent(), request.agentOptions().values()),
                new Manifest.Settings(request.epochs(), request.concurrency(),
                        request.timeout().toMillis() / 1000.0, request.retryErrors(), request.seed(), request.sinks(),
                        request.maxCostUsd(), request.maxErrors(), request.selection().isAll() ? null : request.selection()),
                harnessVersion(), System.getProperty("java.vendor") + " " + Runtime.version(),
                request.arguments(), Path.of("").toAbsolutePath().toString(), now, null,
                request.baselines() ? TrivialBaselines.scores(suite, task -> rewardChecks.forTask(suite, task)) : null,
                null, null);
        directory.writeManifest(manifest);
        return new Run(directory, manifest, suite, agent, Set.of(), manifest.newSummary(), registry, rewardChecks,
                environments);
    }

    /**
     * Continues an interrupted, crashed, budget-stopped, aborted or failed run with the settings it
     * was started with; only {@code concurrency}, the budget and the error limit may change. Trials
     * already recorded are not run again.
     *
     * @param concurrency the new concurrency, or {@code null} to keep it
     * @param maxCostUsd the new budget, or {@code null} to keep it
     * @param maxErrors the new error limit, or {@code null} to keep it
     */
    public Run resume(Path path, Integer concurrency, BigDecimal maxCostUsd, MaxErrors maxErrors) {
        if (concurrency != null && concurrency < 1) {
            throw new InputException("--concurrency must be at least 1, got " + concurrency);
        }
        Budget.check(maxCostUsd);
        RunDirectory directory = RunDirectory.open(path);
        Manifest manifest = directory.readManifest();
        Path suitePath = Path.of(manifest.workingDirectory()).resolve(manifest.suite().path());
        Suite suite = suites.load(suitePath);
        if (!suite.contentHash().equals(manifest.suite().contentHash())) {
            throw new InputException("suite " + suitePath + " changed since the run started ("
                    + manifest.suite().contentHash() + ", now " + suite.contentHash() + ")",
                    "results from two versions of a suite cannot be mixed; start a new run");
        }
        suite = selected(suite, manifest);
        Agent agent = createAgent(manifest.agent().name(), Options.of(manifest.agent().options()));
        directory.truncateTornTail();
        Set<TrialKey> done = new HashSet<>();
        SummaryCalculator summary = manifest.newSummary();
        Set<String> selectedIds = suite.tasks().stream().map(Task::id).collect(Collectors.toSet());
        directory.forEachTrial(trial -> {
            if (!selectedIds.contains(trial.record().task())) {
                throw differentSelection(manifest,
                        "trials.jsonl holds task " + trial.record().task() + ", which it does not keep now");
            }
            done.add(new TrialKey(trial.record().task(), trial.record().epoch()));
            summary.add(trial.record(), ModelUsage.callsOf(trial.record()), trial.metadata());
        });
        Manifest.Settings s = manifest.settings();
        Manifest resumed = new Manifest(manifest.runId(), Manifest.RUNNING, manifest.suite(), manifest.agent(),
                new Manifest.Settings(s.epochs(), concurrency != null ? concurrency : s.concurrency(),
                        s.timeoutSeconds(), s.retryErrors(), s.seed(), s.sinks(),
                        maxCostUsd != null ? maxCostUsd : s.maxCostUsd(), maxErrors != null ? maxErrors : s.maxErrors(),
                        s.selection()),
                manifest.harnessVersion(), manifest.jdk(), manifest.arguments(), manifest.workingDirectory(),
                manifest.started(), null, manifest.baselines(), manifest.rescoredFrom(), null);
        directory.writeManifest(resumed);
        return new Run(directory, resumed, suite, agent, done, summary, registry, rewardChecks, environments);
    }

    /** The tasks the run was started with: its recorded selection, drawn again with its seed. */
    private static Suite selected(Suite suite, Manifest manifest) {
        TaskSelection selection = manifest.settings().selection();
        if (selection == null) {
            return suite;
        }
        Suite subset = selection.applyTo(suite, manifest.settings().seed());
        if (manifest.suite().selected() != null && subset.tasks().size() != manifest.suite().selected()) {
            throw differentSelection(manifest, "it keeps " + subset.tasks().size() + " tasks now, not "
                    + manifest.suite().selected());
        }
        return subset;
    }

    /** The suite is unchanged (its hash matched), so only another Assay version can select differently. */
    private static InputException differentSelection(Manifest manifest, String how) {
        return new InputException("the run's task selection (" + manifest.settings().selection()
                + ") no longer selects what it did: " + how,
                "finish the run with the Assay version that started it (" + manifest.harnessVersion() + ")");
    }

    private Agent createAgent(String name, Options options) {
        try {
            return registry.agent(name).create(options);
        } catch (InvalidOptionException e) {
            throw new InputException("agent '" + name + "': " + e.getMessage(),
                    "set agent options with -A KEY=VALUE; see docs/getting-started.md");
        }
    }

    private void sinksExist(List<String> sinks) {
        sinks.forEach(registry::resultSink);
    }

    private static Path defaultDirectory(String suite, String agent) {
        String base = suite + "-" + agent + "-" + RUN_STAMP.format(Instant.now());
        Path candidate = Path.of("runs", base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = Path.of("runs", base + "-" + n);
        }
        return candidate;
    }

    static String harnessVersion() {
        String version = Runner.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    /** Seconds as a {@link Duration}, as the manifest stores timeouts. */
    static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
