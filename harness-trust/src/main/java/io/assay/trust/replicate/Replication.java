package io.assay.trust.replicate;

import io.assay.kit.Plural;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.RunSettings;
import io.assay.rank.compare.PairedFigures;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.trust.bundle.RecordedManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A claimed run and the run that replicates it, planned: the suite found and checked to be the one
 * the claim graded, the sample drawn, and the replication's settings made from the claim's manifest
 * (its epochs, timeout, seed, retries, environment options, judge defaults...) with the agent and
 * model the request gives, if any.
 *
 * <pre>{@code
 * Replication plan = Replication.plan(assay, claim, new Replication.Request(5, 0L, null, null, null, null, Map.of(), List.of(), 0.05));
 * RunResult result = assay.start(plan.settings()).execute(ProgressListener.NONE);
 * }</pre>
 *
 * @param claim the claimed run
 * @param suite the suite directory the replication runs, the claim's own by content hash
 * @param sample the claimed tasks run again
 * @param settings the replication run's settings
 * @param alpha the level below which the replication finds the claim inconsistent
 */
public record Replication(Claim claim, Path suite, TaskSample sample, RunSettings settings, double alpha) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * What the user asked for; {@code null} keeps what the claim recorded.
     *
     * @param sample how many of the claimed tasks to run again
     * @param seed the seed the sample is drawn with
     * @param suite the suite directory, or {@code null} for the manifest's suite path
     * @param out the replication's run directory, or {@code null} for {@code runs/replication-of-RUNID-TIME}
     * @param concurrency trials at once, or {@code null} for the claim's
     * @param agent the agent, or {@code null} for the claim's with its recorded options
     * @param agentOptions options of the given agent; without one, they replace the claim's options key by key
     * @param arguments the command line, for the replication's manifest
     * @param alpha the level below which the claim is inconsistent, usually 0.05
     */
    public record Request(int sample, long seed, Path suite, Path out, Integer concurrency, String agent,
                         Map<String, Object> agentOptions, List<String> arguments, double alpha) {
    }

    /**
     * Plans the replication of {@code claim}.
     *
     * @throws InputException when alpha is not strictly between 0 and 1, the suite is missing or is not
     *     the one the claim graded, or the sample size is out of range
     */
    public static Replication plan(Assay assay, Claim claim, Request request) {
        if (!(request.alpha() > 0 && request.alpha() < 1)) {
            throw new InputException("--alpha must be between 0 and 1, got " + request.alpha(), "the usual level is 0.05");
        }
        Manifest manifest = claim.run().manifest();
        Path suite = request.suite() != null ? request.suite() : RecordedManifest.suiteDirectory(manifest);
        String split = manifest.settings().selection() != null ? manifest.settings().selection().split() : null;
        Suite loaded = sameSuite(assay, claim, suite, split);
        TaskSample sample = TaskSample.draw(loaded, claim.run().tasks().keySet(), request.sample(), request.seed());
        Map<String, Object> options = new LinkedHashMap<>();
        if (request.agent() == null && manifest.agent().options() != null) {
            options.putAll(manifest.agent().options());
        }
        options.putAll(request.agentOptions());
        RunSettings.Builder settings = RunSettings.asRecorded(manifest, suite,
                        request.agent() != null ? request.agent() : manifest.agent().name(), Options.of(options))
                .selection(sample.selection(split))
                .out(request.out() != null ? request.out() : defaultOut(claim.runId()))
                // The claimant's result sinks and baselines are theirs; a replication reports to whoever runs it.
                .sinks(List.of())
                .baselines(false)
                .arguments(request.arguments());
        if (request.concurrency() != null) {
            settings.concurrency(request.concurrency());
        }
        return new Replication(claim, suite, sample, settings.build(), request.alpha());
    }

    /**
     * A warning, before anything runs, when the sample is too small for pass/fail tasks (one epoch,
     * scores 0 or 1) to find the claim inconsistent whatever the replication does: its verdict would
     * be {@code inconclusive}. Empty when the sample is large enough. Tasks scored over several epochs
     * or with partial scores are tested with the t-test, which two tasks can already decide.
     */
    public Optional<String> sampleTooSmall() {
        int size = sample.tasks().size();
        int decisive = ReplicationVerdict.smallestDecisiveSample(alpha);
        if (size >= decisive) {
            return Optional.empty();
        }
        int claimed = claim.run().tasks().size();
        return Optional.of("--sample " + size + ": on pass/fail tasks no outcome of " + Plural.of(size, "task")
                + " can reach p < " + alpha + " (every task disagreeing one way gives p = "
                + PairedFigures.mcnemarPValue(0, size) + "), so the verdict would be inconclusive; "
                + (decisive <= claimed ? "a sample of " + decisive + " or more could find the claim inconsistent"
                        : "it takes " + decisive + " tasks and the claimed run evaluated " + claimed));
    }

    /** The suite at {@code directory}, refused unless it is, to the byte, the one the claim graded. */
    private static Suite sameSuite(Assay assay, Claim claim, Path directory, String split) {
        Manifest.SuiteRef graded = claim.run().manifest().suite();
        if (!Files.isDirectory(directory)) {
            throw new InputException("the claimed run graded suite " + graded.id() + " from " + directory
                    + ", which is not a directory here", "give the suite's directory with --suite DIR");
        }
        Suite loaded = assay.loadSuite(directory, split);
        if (!loaded.contentHash().equals(graded.contentHash())) {
            throw new InputException("suite " + directory + " is not the one the claimed run graded: content hash "
                    + loaded.contentHash() + " (" + loaded.id() + "@" + loaded.version() + "), the run recorded "
                    + graded.contentHash() + " (" + graded.id() + "@" + graded.version()
                    + "); replicating against another suite tests nothing",
                    "give the suite version the run graded with --suite DIR");
        }
        return loaded;
    }

    private static Path defaultOut(String claimedRunId) {
        return Path.of("runs", "replication-of-" + claimedRunId + "-" + STAMP.format(Instant.now()));
    }
}
