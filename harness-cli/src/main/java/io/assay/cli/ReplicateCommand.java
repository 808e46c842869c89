package io.assay.cli;

import io.assay.cli.progress.ProgressMode;
import io.assay.cli.progress.ProgressReporter;
import io.assay.kit.Plural;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.PreparedRun;
import io.assay.launcher.RunResult;
import io.assay.trust.bundle.BundleVerifier;
import io.assay.trust.bundle.KeyFiles;
import io.assay.trust.bundle.Verification;
import io.assay.trust.replicate.Claim;
import io.assay.trust.replicate.Replication;
import io.assay.trust.replicate.ReplicationJson;
import io.assay.trust.replicate.ReplicationText;
import io.assay.trust.replicate.ReplicationVerdict;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay replicate}: runs a seeded sample of a claimed run's tasks again and tests the claim on them. */
@Command(name = "replicate", mixinStandardHelpOptions = true,
        description = {"Re-runs a sample of a claimed run's tasks and tests the claim.",
                "Runs N of the tasks the claimed run evaluated (drawn with --seed) again, with the run's recorded agent,"
                        + " options and settings, or with the agent and model given; on the suite the run graded, checked by"
                        + " content hash. Then pairs the tasks: per-task agreement, the replicated score with its 95%% interval,"
                        + " and the p-value of the difference if the claim were true (McNemar's exact test for pass/fail tasks,"
                        + " a paired t-test otherwise). A sample too small for any outcome to reach p < alpha is inconclusive."
                        + " Served-model identity differences are warned about (docs/trust.md)."},
        footer = {"", "Examples:",
                "  assay replicate runs/arith-oracle --sample 5",
                "  assay replicate claim.zip --sample 10 --seed 7 --suite examples/arithmetic --format json",
                "  assay replicate claim.zip --sample 5 --pubkey signing.pem.pub",
                "  assay replicate runs/arith-chat --sample 10 --model openai/gpt-4o-mini --base-url http://localhost:8000/v1",
                "  assay replicate runs/arith-scripted --sample 20 --agent scripted -A file=my-predictions.jsonl",
                "",
                "Exit codes: 0 the replication is consistent with the claim (p >= alpha), 1 inconsistent (p < alpha) or,"
                        + " with --pubkey, the bundle does not verify (each failure named),",
                "2 bad usage or input (no such run, suite missing or changed since the claim, --sample out of range),",
                "or the replication run stopped before all its trials ran; 3 inconclusive: the sample is too small for any",
                "outcome to reach p < alpha (pass/fail tasks need 6 at 0.05; the verdict says how many); 130 interrupted."})
final class ReplicateCommand implements Callable<Integer> {
    /** Neither verdict: no outcome of the sample could have found the claim inconsistent. */
    static final int INCONCLUSIVE = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "RUN|BUNDLE", description = "The claimed run's directory, or a bundle from `assay bundle`.")
    Path claim;

    @Option(names = "--sample", paramLabel = "N", required = true, description = "How many of the claimed run's tasks to run again.")
    int sample;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed the sample is drawn with; the same seed draws the same tasks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--suite", paramLabel = "DIR",
            description = "The suite directory (default: the one the claimed run's manifest names); it must be the version the run graded.")
    Path suite;

    @Option(names = "--pubkey", paramLabel = "FILE",
            description = "Verify the bundle with the signer's public key first, as assay verify does; replicate only if it verifies.")
    Path pubkey;

    @Option(names = "--out", paramLabel = "DIR", description = "The replication's run directory (default: runs/replication-of-RUNID-TIME).")
    Path out;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
            description = "The claim is inconsistent when the replication's p-value is below this (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--concurrency", paramLabel = "N", description = "Trials at once (default: as the claimed run).")
    Integer concurrency;

    @Mixin
    AgentOptions agent;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, periodic lines otherwise), bar, lines or none.")
    ProgressMode progress;

    enum Format { TEXT, JSON }

    /** Whether the bundle verifies with {@code --pubkey}; prints each failure when it does not. */
    private boolean verified(PrintWriter err) {
        if (!Files.isRegularFile(claim)) {
            throw new InputException("--pubkey " + pubkey + " is given but " + claim + " is not a bundle",
                    "verify bundles only; a run directory carries no signature");
        }
        Verification verification = BundleVerifier.verify(claim, KeyFiles.readPublic(pubkey), null, null);
        if (!verification.holds()) {
            verification.failures().forEach(err::println);
            err.println("error: " + claim + " does not verify with " + pubkey + ": " + Plural.of(verification.failures().size(), "failure")
                    + "; the claim was not replicated");
            err.flush();
        }
        return verification.holds();
    }

    @Override
    public Integer call() throws Exception {
        Assay assay = shared.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (pubkey != null && !verified(err)) {
            return ErrorReporter.FAILURES;
        }
        try (Claim claimed = Claim.open(claim)) {
            Replication replication = Replication.plan(assay, claimed, new Replication.Request(sample, seed, suite, this.out,
                    concurrency, agent.agent, agent.options(), spec.commandLine().getParseResult().originalArgs(), alpha));
            replication.sampleTooSmall().ifPresent(warning -> err.println("warning: " + warning));
            PreparedRun run = assay.start(replication.settings());
            err.println("Replicating run " + claimed.runId() + " on " + replication.sample().tasks().size() + " of its "
                    + claimed.run().tasks().size() + " tasks (seed " + seed + "): " + String.join(", ", replication.sample().tasks()));
            err.println("Running with agent " + replication.settings().agent() + " -> " + run.directory());
            err.flush();
            // The report is made inside the hook, and the claim closed (its unpacked bundle removed) before
            // the hook is: on Ctrl-C the hook holds the JVM's exit until then.
            try (InterruptHook interrupt = InterruptHook.on(run); claimed) {
                RunResult result = run.execute(ProgressReporter.create(progress, err));
                result.warnings().forEach(w -> err.println("warning: " + w));
                if (!Manifest.COMPLETED.equals(result.status())) {
                    err.println("error: the replication run " + result.directory() + " ended " + result.status()
                            + (result.reason() != null ? ": " + result.reason() : "") + "; the claim was not tested");
                    err.flush();
                    return result.interrupted() ? RunCommand.INTERRUPTED : ErrorReporter.BAD_INPUT;
                }
                ReplicationVerdict verdict = ReplicationVerdict.of(replication, result.directory());
                if (format == Format.TEXT) {
                    verdict.identity().forEach(difference -> err.println("warning: model identity: " + difference));
                    err.flush();
                }
                out.print(format == Format.JSON ? ReplicationJson.text(verdict) + "\n" : ReplicationText.text(verdict));
                out.flush();
                return switch (verdict.outcome()) {
                    case CONSISTENT -> 0;
                    case INCONSISTENT -> ErrorReporter.FAILURES;
                    case INCONCLUSIVE -> INCONCLUSIVE;
                };
            }
        }
    }
}
