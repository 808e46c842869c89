package io.assay.launcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.assay.spi.Options;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A run's {@code manifest.json}: everything needed to reproduce the run, or to resume it. Made from
 * the run's {@link RunSettings} by the factories below ({@link #started}, {@link #resumed},
 * {@link #rescored}, {@link #withStatus}), which fill in the rest; the canonical constructor is
 * Jackson's, for reading it back.
 *
 * @param runId the run directory's name
 * @param status {@code running} (also left by a crash); {@code completed} (every trial recorded);
 *     {@code interrupted} (Ctrl-C, or an internal error); {@code budget_reached} ({@code --max-cost});
 *     {@code aborted} (trials kept failing: the same fatal error several times in a row, or more
 *     errors than {@code --max-errors} allows); {@code failed} (the environment could not start, no
 *     trial ran). All but {@code completed} are resumable with {@code assay run --resume}
 * @param suite which suite, exactly (the content hash catches edits between runs)
 * @param agent which agent, with the options it was given
 * @param settings how trials were scheduled
 * @param harnessVersion the Assay version
 * @param jdk the Java runtime that ran it
 * @param arguments the command line, as typed
 * @param workingDirectory where relative paths in the arguments and agent options resolve
 * @param started ISO-8601 instant the run first started
 * @param ended ISO-8601 instant it last stopped, {@code null} while running
 * @param baselines trivial-agent scores on the suite ({@code assay run --baselines}), or {@code null}
 * @param rescoredFrom the run whose recorded outputs {@code assay rescore} graded again, or {@code null}
 * @param reason why the run was aborted or failed, for example {@code "3 trials in a row failed the same
 *     way, which would fail every trial: ... HTTP 401 ..."}; {@code null} otherwise
 * @param plugins every plugin jar the engine had loaded when the run started (the bundled plugins and
 *     those of {@code --plugin-dir} or {@code ASSAY_PLUGIN_PATH}), with its SHA-256; empty when every
 *     plugin came from the class path, {@code null} in a manifest written before Assay recorded them
 * @param shards how the run is split ({@code assay run --shard I/N}), or {@code null} for a run in one process
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"run_id", "status", "reason"})
public record Manifest(String runId, String status, SuiteRef suite, AgentRef agent, Settings settings,
                       String harnessVersion, String jdk, List<String> arguments, String workingDirectory,
                       String started, String ended, Map<String, Double> baselines, RescoredFrom rescoredFrom,
                       String reason, List<PluginJar> plugins, Sharding shards) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String INTERRUPTED = "interrupted";
    public static final String BUDGET_REACHED = "budget_reached";
    public static final String ABORTED = "aborted";
    public static final String FAILED = "failed";

    /**
     * The suite a run evaluated.
     *
     * @param tasks how many tasks the suite has
     * @param selected how many of them the run's task selection kept, or {@code null} for all
     */
    public record SuiteRef(String id, String version, String contentHash, String path, int tasks, Integer selected) {

        /** How many tasks the run evaluates. */
        public int evaluated() {
            return selected != null ? selected : tasks;
        }
    }

    /** The agent a run evaluated. */
    public record AgentRef(String name, Map<String, Object> options) {
    }

    /**
     * Scheduling settings; {@code maxCostUsd} is {@code null} without a budget, {@code maxErrors} without a
     * limit, {@code selection} without {@code --split}, {@code --task}, {@code --filter}, {@code --sample}
     * or {@code --limit}.
     *
     * @param environmentOptions set over the suite's environment spec ({@code -E}, {@code --allow-internet},
     *     {@code --user-model}), or {@code null} for none
     * @param checkDefaults options by reward-check type ({@code --judge-model}: {@code {judge: {model: ...}}}),
     *     or {@code null} for none
     */
    public record Settings(int epochs, int concurrency, double timeoutSeconds, int retryErrors, long seed,
                           List<String> sinks, BigDecimal maxCostUsd, MaxErrors maxErrors, TaskSelection selection,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> environmentOptions,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Map<String, Object>> checkDefaults) {

        /** These settings with {@code newDefaults}, or none when {@code null}: a rescore's new judge. */
        private Settings withCheckDefaults(Map<String, Map<String, Object>> newDefaults) {
            return new Settings(epochs, concurrency, timeoutSeconds, retryErrors, seed, sinks, maxCostUsd, maxErrors,
                    selection, environmentOptions, newDefaults);
        }
    }

    /**
     * How a run is split into shards, each run by its own process ({@code --shard I/N}) and written to
     * its own file, {@code shards/I-of-N.jsonl}, until the last one to finish combines them.
     *
     * <pre>{@code
     * {"count": 3, "expected_trials": [34, 31, 35]}
     * }</pre>
     *
     * @param count how many shards
     * @param expectedTrials how many trials each shard runs, by shard index
     */
    public record Sharding(int count, List<Long> expectedTrials) {

        public Sharding {
            expectedTrials = List.copyOf(expectedTrials);
        }

        /** How many trials shard {@code index} runs. */
        public long expected(int index) {
            return expectedTrials.get(index);
        }
    }

    /** Whether the run is split into shards that have not all finished and been combined yet. */
    public boolean shardsPending() {
        return shards != null && !COMPLETED.equals(status);
    }

    /** The run a rescored run was graded from, and the suite version it was first graded with. */
    public record RescoredFrom(String run, String contentHash) {
    }

    /**
     * A plugin jar the run's engine loaded.
     *
     * <pre>{@code
     * PluginJar jar = PluginJar.of(Path.of("plugins/env-docker.jar")); // {jar: ".../env-docker.jar", sha256: "9f2c..."}
     * }</pre>
     *
     * @param jar the jar's absolute path
     * @param sha256 the SHA-256 of its bytes, in lower-case hex
     */
    public record PluginJar(String jar, String sha256) {

        /**
         * Starts hashing {@code jars}, each on a virtual thread of its own, and returns their records,
         * in order, once asked for them. A cold JVM takes a few hundred milliseconds over the 44 MB of
         * the bundled plugins' jars, most of it before the JIT has compiled SHA-256; started first, that
         * overlaps with loading the suite and creating the agent, on the other core. A jar unchanged
         * since an earlier command hashed it is not read again: its digest comes from the user's cache
         * ({@link PluginJarDigests}, which says when a jar counts as unchanged). A jar that cannot be
         * read fails {@code get()} as {@link #of} would.
         *
         * <pre>{@code
         * Supplier<List<PluginJar>> plugins = PluginJar.hashing(registry.pluginJars());
         * Suite suite = suites.load(path);                    // meanwhile
         * List<PluginJar> recorded = plugins.get();           // waits for the hashes
         * }</pre>
         */
        public static Supplier<List<PluginJar>> hashing(List<Path> jars) {
            return hashing(jars, PluginJarDigests.ofUser());
        }

        static Supplier<List<PluginJar>> hashing(List<Path> jars, PluginJarDigests digests) {
            List<CompletableFuture<PluginJar>> hashes = jars.stream()
                    .map(jar -> CompletableFuture.supplyAsync(() -> digests.digest(jar),
                            task -> Thread.ofVirtual().name("sha256 " + jar.getFileName()).start(task)))
                    .toList();
            return () -> {
                List<PluginJar> recorded = hashes.stream().map(PluginJar::await).toList();
                digests.save();
                return recorded;
            };
        }

        private static PluginJar await(CompletableFuture<PluginJar> hash) {
            try {
                return hash.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }

        /** {@code jar} and the SHA-256 of its bytes as they are now. */
        public static PluginJar of(Path jar) {
            try (InputStream in = Files.newInputStream(jar)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    sha.update(buffer, 0, read);
                }
                return new PluginJar(jar.toAbsolutePath().toString(), HexFormat.of().formatHex(sha.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read plugin jar " + jar + " to record its SHA-256", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    /**
     * The manifest of a new run, status {@code running}, with the Assay version, the Java runtime
     * and the working directory it is started in.
     *
     * @param started when, as an ISO-8601 instant
     * @param baselines the trivial-agent scores, or {@code null}
     * @param plugins the plugin jars the engine loaded
     */
    public static Manifest started(String runId, SuiteRef suite, RunSettings settings, String started,
                                   Map<String, Double> baselines, List<PluginJar> plugins) {
        return new Manifest(runId, RUNNING, suite, new AgentRef(settings.agent(), settings.agentOptions().values()),
                settings.recorded(), runningVersion(), System.getProperty("java.vendor") + " " + Runtime.version(),
                settings.arguments(), Path.of("").toAbsolutePath().toString(), started, null, baselines, null, null,
                List.copyOf(plugins), null);
    }

    /** This run, running again with {@code settings}: those it was started with, but for what a resume may change. */
    public Manifest resumed(RunSettings settings) {
        return new Manifest(runId, RUNNING, suite, agent, settings.recorded(), harnessVersion, jdk, arguments,
                workingDirectory, started, null, baselines, rescoredFrom, null, plugins, shards);
    }

    /**
     * The manifest of a new, completed run holding this run's outputs graded again ({@code assay rescore}).
     *
     * @param suite the suite as it is now
     * @param checkDefaults the reward-check defaults it is graded with: this run's, or those the rescore gave
     * @param arguments the rescoring command line
     * @param now when, as an ISO-8601 instant
     * @param from this run's directory, as given
     * @param gradedWith the plugin jars the rescoring engine loaded
     */
    public Manifest rescored(String newRunId, SuiteRef suite, Map<String, Options> checkDefaults, List<String> arguments,
                             String now, String from, List<PluginJar> gradedWith) {
        return new Manifest(newRunId, COMPLETED, suite, agent,
                settings.withCheckDefaults(RunSettings.recordedCheckDefaults(checkDefaults)), runningVersion(), jdk, arguments,
                workingDirectory, now, now, baselines, new RescoredFrom(from, this.suite.contentHash()), null,
                List.copyOf(gradedWith), null);
    }

    /** @param why the reason of an aborted or failed run, else {@code null} */
    public Manifest withStatus(String newStatus, String endedAt, String why) {
        return new Manifest(runId, newStatus, suite, agent, settings, harnessVersion, jdk, arguments,
                workingDirectory, started, endedAt, baselines, rescoredFrom, why, plugins, shards);
    }

    /** This new run, split into shards as {@code sharding} says. */
    public Manifest withShards(Sharding sharding) {
        return new Manifest(runId, status, suite, agent, settings, harnessVersion, jdk, arguments,
                workingDirectory, started, ended, baselines, rescoredFrom, reason, plugins, sharding);
    }

    /** The version of the Assay running now. */
    static String runningVersion() {
        String version = Manifest.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
