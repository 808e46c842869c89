package io.assay.launcher;

import io.assay.spi.Options;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run and how: the settings of {@code assay run}, checked once, when built. A new run's
 * manifest records them ({@link Manifest#started}); a resumed run reads them back from its
 * manifest ({@link #resuming}), where only the concurrency, the budget and the error limit may change.
 *
 * <pre>{@code
 * RunSettings settings = RunSettings.builder(Path.of("examples/arithmetic"), "oracle")
 *         .epochs(3)
 *         .timeout(Duration.ofSeconds(90))
 *         .environmentOptions(Options.of(Map.of("allow_internet", "true")))
 *         .checkDefaults(Map.of("judge", Options.of(Map.of("model", "openai/gpt-4o-mini"))))
 *         .build();
 * }</pre>
 */
public final class RunSettings {
    private final Path suite;
    private final String agent;
    private final Options agentOptions;
    private final int epochs;
    private final int concurrency;
    private final Duration timeout;
    private final int retryErrors;
    private final long seed;
    private final Path out;
    private final List<String> sinks;
    private final boolean baselines;
    private final List<String> arguments;
    private final BigDecimal maxCostUsd;
    private final MaxErrors maxErrors;
    private final TaskSelection selection;
    private final Options environmentOptions;
    private final Map<String, Options> checkDefaults;
    private final Shard shard;
    private final boolean preparedTasks;

    private RunSettings(Builder builder) {
        this.suite = builder.suite;
        this.agent = builder.agent;
        this.agentOptions = builder.agentOptions;
        this.epochs = builder.epochs;
        this.concurrency = builder.concurrency;
        this.timeout = builder.timeout;
        this.retryErrors = builder.retryErrors;
        this.seed = builder.seed;
        this.out = builder.out;
        this.sinks = List.copyOf(builder.sinks);
        this.baselines = builder.baselines;
        this.arguments = List.copyOf(builder.arguments);
        this.maxCostUsd = builder.maxCostUsd;
        this.maxErrors = builder.maxErrors;
        this.selection = builder.selection;
        this.environmentOptions = builder.environmentOptions;
        this.checkDefaults = Map.copyOf(builder.checkDefaults);
        this.shard = builder.shard;
        this.preparedTasks = builder.preparedTasks;
    }

    /** Settings for running {@code agent} on the suite in the directory {@code suite}; the defaults are those of {@code assay run}. */
    public static Builder builder(Path suite, String agent) {
        return new Builder(Objects.requireNonNull(suite, "suite"), Objects.requireNonNull(agent, "agent"));
    }

    /**
     * The settings a run was started with, as its manifest records them, to resume it with; a
     * relative suite path resolves against the directory the run was started in.
     */
    public static Builder resuming(Manifest manifest) {
        return asRecorded(manifest, Path.of(manifest.workingDirectory()).resolve(manifest.suite().path()),
                manifest.agent().name(), Options.of(manifest.agent().options()));
    }

    /**
     * The settings a run's manifest records, but for {@code agent} with {@code agentOptions} on the
     * suite in {@code suite}: to run a recorded run again elsewhere, or with another agent or model
     * ({@code assay replicate}). Anything else may be changed on the builder before it is built.
     *
     * <pre>{@code
     * RunSettings again = RunSettings.asRecorded(manifest, Path.of("examples/arithmetic"), "oracle", Options.empty())
     *         .out(Path.of("runs/again")).build();
     * }</pre>
     */
    public static Builder asRecorded(Manifest manifest, Path suite, String agent, Options agentOptions) {
        Manifest.Settings recorded = manifest.settings();
        return builder(suite, agent)
                .agentOptions(agentOptions)
                .epochs(recorded.epochs())
                .concurrency(recorded.concurrency())
                .timeout(Duration.ofMillis(Math.round(recorded.timeoutSeconds() * 1000)))
                .retryErrors(recorded.retryErrors())
                .seed(recorded.seed())
                .sinks(recorded.sinks())
                .baselines(manifest.baselines() != null)
                .arguments(manifest.arguments())
                .maxCostUsd(recorded.maxCostUsd())
                .maxErrors(recorded.maxErrors())
                .selection(recorded.selection() != null ? recorded.selection() : TaskSelection.ALL)
                .environmentOptions(Options.of(recorded.environmentOptions() != null ? recorded.environmentOptions() : Map.of()))
                .checkDefaults(checkDefaultsOf(recorded.checkDefaults()));
    }

    /** Reward-check defaults as the manifest records them: options by check type, {@code null} for none. */
    private static Map<String, Options> checkDefaultsOf(Map<String, Map<String, Object>> recorded) {
        Map<String, Options> defaults = new LinkedHashMap<>();
        if (recorded != null) {
            recorded.forEach((type, options) -> defaults.put(type, Options.of(options)));
        }
        return defaults;
    }

    /** Reward-check defaults as the manifest records them, {@code null} for none. */
    static Map<String, Map<String, Object>> recordedCheckDefaults(Map<String, Options> defaults) {
        if (defaults.isEmpty()) {
            return null;
        }
        Map<String, Map<String, Object>> recorded = new LinkedHashMap<>();
        defaults.forEach((type, options) -> recorded.put(type, options.values()));
        return recorded;
    }

    /** The suite directory. */
    public Path suite() {
        return suite;
    }

    /** The agent's name. */
    public String agent() {
        return agent;
    }

    public Options agentOptions() {
        return agentOptions;
    }

    /** How many times each task is tried. */
    public int epochs() {
        return epochs;
    }

    /** How many trials run at once. */
    public int concurrency() {
        return concurrency;
    }

    /** Per trial, for the agent's work. */
    public Duration timeout() {
        return timeout;
    }

    /** How many times a harness error is retried. */
    public int retryErrors() {
        return retryErrors;
    }

    /** The base seed every trial seed derives from. */
    public long seed() {
        return seed;
    }

    /** The run directory, or {@code null} for a new one under {@code runs/}. */
    public Path out() {
        return out;
    }

    /** Extra result sinks by name. */
    public List<String> sinks() {
        return sinks;
    }

    /** Whether to record the trivial-agent baselines (ABC R.13) in the manifest and summary. */
    public boolean baselines() {
        return baselines;
    }

    /** The command line, recorded in the manifest. */
    public List<String> arguments() {
        return arguments;
    }

    /** Stop scheduling trials once the run's model calls cost this much, or {@code null}. */
    public BigDecimal maxCostUsd() {
        return maxCostUsd;
    }

    /** Stop scheduling trials once more of them end in errors than this allows, or {@code null}. */
    public MaxErrors maxErrors() {
        return maxErrors;
    }

    /** Which tasks to run; {@code sample} draws with {@link #seed()}. */
    public TaskSelection selection() {
        return selection;
    }

    /**
     * Options set over the suite's {@code environment} spec ({@code -E KEY=VALUE}); the environment
     * refuses those it does not know.
     */
    public Options environmentOptions() {
        return environmentOptions;
    }

    /**
     * Options for every reward check of a type, by type, for what the check's spec leaves open
     * ({@code --judge-model} gives {@code judge} its model); see
     * {@link io.assay.spi.RewardCheckFactory.Context#defaults}.
     */
    public Map<String, Options> checkDefaults() {
        return checkDefaults;
    }

    /**
     * The one shard of the run to execute ({@code --shard I/N}), or {@code null} to run every trial.
     * Not part of the manifest's settings: the shards of a run share one manifest, which records how
     * the run is split ({@link Manifest#shards}).
     */
    public Shard shard() {
        return shard;
    }

    /**
     * Whether this shard runs the tasks the run's creator wrote for it instead of loading the suite
     * ({@link Builder#preparedTasks}). Not part of the manifest's settings.
     */
    public boolean preparedTasks() {
        return preparedTasks;
    }

    /**
     * The scheduling settings as the manifest records them: the timeout in seconds, no selection when
     * all tasks run, no environment options or check defaults when none were given.
     */
    Manifest.Settings recorded() {
        return new Manifest.Settings(epochs, concurrency, timeout.toMillis() / 1000.0, retryErrors, seed, sinks,
                maxCostUsd, maxErrors, selection.isAll() ? null : selection,
                environmentOptions.values().isEmpty() ? null : environmentOptions.values(),
                recordedCheckDefaults(checkDefaults));
    }

    /** Collects the settings; {@link #build()} checks them, naming the flag a bad value came from. */
    public static final class Builder {
        private final Path suite;
        private final String agent;
        private Options agentOptions = Options.empty();
        private int epochs = 1;
        private int concurrency = 8;
        private Duration timeout = Duration.ofSeconds(300);
        private int retryErrors;
        private long seed;
        private Path out;
        private List<String> sinks = List.of();
        private boolean baselines;
        private List<String> arguments = List.of();
        private BigDecimal maxCostUsd;
        private MaxErrors maxErrors;
        private TaskSelection selection = TaskSelection.ALL;
        private Options environmentOptions = Options.empty();
        private Map<String, Options> checkDefaults = Map.of();
        private Shard shard;
        private boolean preparedTasks;

        private Builder(Path suite, String agent) {
            this.suite = suite;
            this.agent = agent;
        }

        public Builder agentOptions(Options agentOptions) {
            this.agentOptions = Objects.requireNonNull(agentOptions, "agentOptions");
            return this;
        }

        /** Default 1. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Default 8. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Default 300 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Default 0. */
        public Builder retryErrors(int retryErrors) {
            this.retryErrors = retryErrors;
            return this;
        }

        /** Default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Default {@code null}: a new directory under {@code runs/}. */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        public Builder sinks(List<String> sinks) {
            this.sinks = Objects.requireNonNull(sinks, "sinks");
            return this;
        }

        public Builder baselines(boolean baselines) {
            this.baselines = baselines;
            return this;
        }

        public Builder arguments(List<String> arguments) {
            this.arguments = Objects.requireNonNull(arguments, "arguments");
            return this;
        }

        /** Default {@code null}: no budget. */
        public Builder maxCostUsd(BigDecimal maxCostUsd) {
            this.maxCostUsd = maxCostUsd;
            return this;
        }

        /** Default {@code null}: no error limit. */
        public Builder maxErrors(MaxErrors maxErrors) {
            this.maxErrors = maxErrors;
            return this;
        }

        /** Default {@link TaskSelection#ALL}. */
        public Builder selection(TaskSelection selection) {
            this.selection = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /** Default none: the suite's environment spec as it is. */
        public Builder environmentOptions(Options environmentOptions) {
            this.environmentOptions = Objects.requireNonNull(environmentOptions, "environmentOptions");
            return this;
        }

        /** Options by reward-check type; default none. */
        public Builder checkDefaults(Map<String, Options> checkDefaults) {
            this.checkDefaults = Objects.requireNonNull(checkDefaults, "checkDefaults");
            return this;
        }

        /**
         * Default {@code null}: every trial, in this process. A shard needs {@link #out}: its run
         * directory is the one every shard of the run shares.
         */
        public Builder shard(Shard shard) {
            this.shard = shard;
            return this;
        }

        /**
         * Default {@code false}. For a shard started by the command that created its run and
         * checked the suite just before (the Slurm executor's array tasks): it runs the tasks that
         * command wrote for it, as checked then, rather than loading, checking and grading the
         * whole suite again. Without it a shard loads the suite, and one whose suite content
         * differs from the manifest's is refused.
         */
        public Builder preparedTasks(boolean preparedTasks) {
            this.preparedTasks = preparedTasks;
            return this;
        }

        /**
         * The settings.
         *
         * @throws InputException naming the flag of the first value out of range
         */
        public RunSettings build() {
            if (epochs < 1) {
                throw new InputException("--epochs must be at least 1, got " + epochs);
            }
            if (concurrency < 1) {
                throw new InputException("--concurrency must be at least 1, got " + concurrency);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InputException("--timeout must be positive, got " + timeout);
            }
            if (retryErrors < 0) {
                throw new InputException("--retry-errors must be 0 or more, got " + retryErrors);
            }
            if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
                throw new InputException("--max-cost must be a positive amount in US dollars, got "
                        + maxCostUsd.toPlainString());
            }
            if (shard != null && out == null) {
                throw new InputException("--shard " + shard + " needs --out: every shard of a run writes to the same run directory",
                        "pass the same --out DIR to each of the " + shard.count() + " shards");
            }
            return new RunSettings(this);
        }
    }
}
