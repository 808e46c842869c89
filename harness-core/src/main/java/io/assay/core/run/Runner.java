package io.assay.core.run;

import io.assay.core.baseline.TrivialBaselines;
import io.assay.core.environment.Environments;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.MaxErrors;
import io.assay.launcher.RunSettings;
import io.assay.launcher.Shard;
import io.assay.launcher.TaskSelection;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.results.ModelUsage;
import io.assay.core.results.SummaryCalculator;
import io.assay.core.reward.RewardChecks;
import io.assay.core.suite.SuiteRepository;
import io.assay.spi.Agent;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
    private final Clock clock;

    @Inject
    public Runner(SuiteRepository suites, ComponentRegistry registry, RewardChecks rewardChecks,
                  Environments environments, Clock clock) {
        this.suites = suites;
        this.registry = registry;
        this.rewardChecks = rewardChecks;
        this.environments = environments;
        this.clock = clock;
    }

    /** A new run. */
    public Run start(RunSettings settings) {
        // A shard joining a run another process prepared takes what that process checked and computed
        // as the run directory records it: the plugins it hashed, and either the suite with only its own
        // tasks' references graded (SameRun refuses it unless the suite content is the same) or, when
        // the command that created the run and checked the suite started it, the slice written for it.
        Optional<Manifest> joined = settings.shard() == null || settings.out() == null ? Optional.empty()
                : RunDirectory.shardedRun(settings.out());
        Supplier<List<Manifest.PluginJar>> plugins = joined.isPresent() ? joined.get()::plugins
                : Manifest.PluginJar.hashing(registry.pluginJars());
        Optional<Suite> slice = joined.filter(run -> settings.preparedTasks())
                .flatMap(run -> ShardSlices.read(settings.out(), settings.shard(), settings.epochs(), run));
        Suite suite;
        Manifest.SuiteRef suiteRef;
        if (slice.isPresent()) {
            suite = environments.configure(slice.get(), settings.environmentOptions());
            suiteRef = joined.get().suite();
        } else {
            Suite whole = load(settings, joined.isPresent());
            suite = settings.selection().applyTo(whole, settings.seed());
            suiteRef = new Manifest.SuiteRef(suite.id(), suite.version(), suite.contentHash(), settings.suite().toString(),
                    whole.tasks().size(), settings.selection().isAll() ? null : suite.tasks().size());
        }
        RunServices services = services(settings, suite);
        Agent agent = createAgent(settings.agent(), settings.agentOptions());
        sinksExist(settings.sinks());
        Instant now = clock.instant();
        Path path = settings.out() != null ? settings.out() : defaultDirectory(suite.id(), settings.agent(), now);
        Manifest manifest = Manifest.started(path.getFileName().toString(), suiteRef, settings, now.toString(),
                !settings.baselines() ? null : joined.isPresent() ? Map.of() // the recorded scores are the run's
                        : TrivialBaselines.scores(suite, task -> services.rewardChecks().forTask(suite, task)),
                plugins.get());
        if (settings.shard() != null) {
            // A slice holds this shard's tasks only: the split of all of them is the recorded one.
            Optional<ShardAssignment> split = slice.isPresent() ? Optional.empty()
                    : Optional.of(ShardAssignment.of(suite.tasks(), settings.epochs(), settings.shard().count()));
            Manifest.Sharding sharding = split.map(ShardAssignment::sharding)
                    .orElseGet(() -> new Manifest.Sharding(settings.shard().count(), joined.get().shards().expectedTrials()));
            return startShard(path, manifest.withShards(sharding), split, settings, suite, agent, services);
        }
        RunDirectory directory = RunDirectory.create(path);
        directory.writeManifest(manifest);
        return new Run(directory, manifest, settings, suite, agent, RecordedTrials.none(manifest), services, null);
    }

    /**
     * Shard {@code settings.shard()} of the run in {@code path}: creates the run directory and its
     * manifest, {@code mine}, when it is the first shard to start, and then every shard's slice of
     * the tasks; else checks that the manifest there is of the same run. Then resumes the shard's own
     * trials, so a shard started again runs only what it misses.
     */
    private Run startShard(Path path, Manifest mine, Optional<ShardAssignment> split, RunSettings settings, Suite suite,
                           Agent agent, RunServices services) {
        Shard shard = settings.shard();
        RunDirectory.Shared created = RunDirectory.createShared(path, mine);
        Manifest shared = created.manifest();
        if (created.created() && shard.count() > 1) {
            // A shard that ran a slice cannot create the run: the run's creator wrote the slice.
            ShardSlices.write(path, shared, suite, split.orElseThrow(() -> new IllegalStateException(
                    "a shard started on its slice created the run " + path)));
        }
        SameRun.check(path, shared, mine);
        RunDirectory directory = RunDirectory.open(path).shard(shard);
        // Before the shard's file is repaired or read: another process of this shard may be appending to it.
        ShardLock held = ShardLock.take(path, shard);
        try {
            directory.truncateTornTail();
            SummaryCalculator summary = new SummaryCalculator(suite.id(), settings.agent(),
                    shared.shards().expected(shard.index()), shared.baselines());
            Set<TrialKey> done = recorded(directory, shared, suite, summary, trial -> {
                if (!shard.owns(trial.task(), trial.epoch())) {
                    throw new InputException(directory.trialsFile() + " holds task " + trial.task() + " epoch " + trial.epoch()
                            + ", which belongs to another shard", "the run directory was edited; start a new run");
                }
            });
            return new Run(directory, shared, settings, suite, agent, new RecordedTrials(done, summary), services, held);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
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
        RunDirectory directory = RunDirectory.open(path);
        Manifest manifest = directory.readManifest();
        if (manifest.shards() != null) {
            throw new InputException(path + " is a run split into " + manifest.shards().count() + " shards, which resume one by one",
                    "run each unfinished shard again with the command that started it (`assay run SUITE ... --shard I/"
                            + manifest.shards().count() + " --out " + path + "`); `assay status " + path + "` lists them");
        }
        RunSettings.Builder changed = RunSettings.resuming(manifest);
        if (concurrency != null) {
            changed.concurrency(concurrency);
        }
        if (maxCostUsd != null) {
            changed.maxCostUsd(maxCostUsd);
        }
        if (maxErrors != null) {
            changed.maxErrors(maxErrors);
        }
        RunSettings settings = changed.build();
        Suite suite = load(settings, false);
        if (!suite.contentHash().equals(manifest.suite().contentHash())) {
            throw new InputException("suite " + settings.suite() + " changed since the run started ("
                    + manifest.suite().contentHash() + ", now " + suite.contentHash() + ")",
                    "results from two versions of a suite cannot be mixed; start a new run");
        }
        suite = selected(suite, manifest);
        RunServices services = services(settings, suite);
        Agent agent = createAgent(settings.agent(), settings.agentOptions());
        directory.truncateTornTail();
        SummaryCalculator summary = SummaryCalculator.forRun(manifest);
        Set<TrialKey> done = recorded(directory, manifest, suite, summary, trial -> { });
        Manifest resumed = manifest.resumed(settings);
        directory.writeManifest(resumed);
        return new Run(directory, resumed, settings, suite, agent, new RecordedTrials(done, summary), services, null);
    }

    /**
     * The trials {@code directory} holds (its shard's alone, for a shard's view), folded into
     * {@code summary}; each is first shown to {@code check}, which may refuse it.
     */
    private static Set<TrialKey> recorded(RunDirectory directory, Manifest manifest, Suite suite, SummaryCalculator summary,
                                          Consumer<TrialKey> check) {
        Set<TrialKey> done = new HashSet<>();
        Set<String> selectedIds = suite.tasks().stream().map(Task::id).collect(Collectors.toSet());
        directory.forEachTrial(trial -> {
            if (!selectedIds.contains(trial.record().task())) {
                throw differentSelection(manifest,
                        directory.trialsFile().getFileName() + " holds task " + trial.record().task() + ", which it does not keep now");
            }
            TrialKey key = new TrialKey(trial.record().task(), trial.record().epoch());
            check.accept(key);
            done.add(key);
            summary.add(trial.record(), ModelUsage.callsOf(trial.record()), trial.metadata());
        });
        return done;
    }

    /** The run's suite; a joining shard grades only its own tasks' references: the process that wrote the manifest graded them all. */
    private Suite load(RunSettings settings, boolean joining) {
        Optional<String> split = Optional.ofNullable(settings.selection().split());
        Suite suite = joining
                ? suites.load(settings.suite(), split, task -> ownsAnEpoch(settings.shard(), task, settings.epochs()))
                : suites.load(settings.suite(), split);
        return environments.configure(suite, settings.environmentOptions());
    }

    private static boolean ownsAnEpoch(Shard shard, String task, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (shard.owns(task, epoch)) {
                return true;
            }
        }
        return false;
    }

    /** What the run of {@code suite} uses, its reward checks seeing the settings' defaults. */
    private RunServices services(RunSettings settings, Suite suite) {
        return new RunServices(registry, rewardChecks.withDefaults(settings.checkDefaults(), suite), environments, clock);
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

    private static Path defaultDirectory(String suite, String agent, Instant now) {
        String base = suite + "-" + agent + "-" + RUN_STAMP.format(now);
        Path candidate = Path.of("runs", base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = Path.of("runs", base + "-" + n);
        }
        return candidate;
    }
}
