package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.launcher.RunReport;
import io.assay.models.ModelClient;
import io.assay.trust.identity.EndpointProbe;
import io.assay.trust.identity.Fingerprint;
import io.assay.trust.identity.FingerprintComparison;
import io.assay.trust.identity.FingerprintFile;
import io.assay.trust.identity.IdentityFormat;
import io.assay.trust.identity.ProbeSet;
import io.assay.trust.identity.RunIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay identify}: what model sits behind an endpoint, from a fixed probe set, compared with
 * a fingerprint recorded earlier or another endpoint; or what a run's recorded calls say about it.
 */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = {"Fingerprints the model behind an endpoint, or a run.",
                "Says whether two fingerprints are likely the same model.",
                "Sends a fixed, versioned probe set (" + ProbeSet.VERSION + ": " + "token probes that known tokenizers count"
                        + " differently, self-identification, refusals, formatting; every call at temperature 0) and reads"
                        + " the token counts, answers and reported identity. With --against or --against-model it compares"
                        + " two fingerprints: differing token counts are strong evidence, habits weak (docs/trust.md)."
                        + " With --run it reads what a run's recorded model calls say instead, calling nothing."},
        footer = {"", "Examples:",
                "  assay identify --model openai/gpt-4o-mini --out gpt.json",
                "  assay identify --model openai/gpt-4o-mini --base-url URL --against gpt.json",
                "  assay identify --model openai/m --base-url URL --against-model openai/gpt-4o",
                "  assay identify --run runs/claimed --against-run runs/replicated",
                "",
                "Exit codes: 0 likely the same model, or no comparison asked; for two runs, no recorded difference in what"
                        + " both recorded. 1 likely different or inconclusive (the verdict line says which); for two runs, their"
                        + " recorded identity changed, or nothing comparable (no model call, or nothing both recorded).",
                "2 bad usage or input (a file that is not a fingerprint, an endpoint that cannot be probed)."})
final class IdentifyCommand implements Callable<Integer> {
    private static final String NOTHING_COMPARABLE = "nothing comparable";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "PROVIDER/NAME", description = "The model to probe: openai/NAME or anthropic/NAME.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "The --model's endpoint (default: the provider's).")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable holding the --model's API key.")
    String apiKeyEnv;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the --model's fingerprint (JSON) to FILE.")
    Path out;

    @Option(names = "--against", paramLabel = "FILE", description = "Compare with the fingerprint in FILE, written earlier with --out.")
    Path against;

    @Option(names = "--against-model", paramLabel = "PROVIDER/NAME", description = "Compare with this model, probed now.")
    String againstModel;

    @Option(names = "--against-base-url", paramLabel = "URL", description = "The --against-model's endpoint.")
    String againstBaseUrl;

    @Option(names = "--against-api-key-env", paramLabel = "VAR",
            description = "The environment variable holding the --against-model's API key.")
    String againstApiKeyEnv;

    @Option(names = "--run", paramLabel = "RUN", description = "Instead of --model: the identity a run's recorded model calls show.")
    Path run;

    @Option(names = "--against-run", paramLabel = "RUN", description = "With --run: compare with another run's recorded identity.")
    Path againstRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TEXT, JSON }

    @Override
    public Integer call() throws InterruptedException {
        if ((model == null) == (run == null)) {
            throw new InputException("give either --model PROVIDER/NAME or --run RUN", "assay identify --help shows both");
        }
        return run != null ? identifyRun() : identifyModel();
    }

    private int identifyModel() throws InterruptedException {
        if (againstRun != null) {
            throw new InputException("--against-run goes with --run, not --model");
        }
        if (against != null && againstModel != null) {
            throw new InputException("give either --against FILE or --against-model PROVIDER/NAME, not both");
        }
        if (againstModel == null && (againstBaseUrl != null || againstApiKeyEnv != null)) {
            throw new InputException((againstBaseUrl != null ? "--against-base-url" : "--against-api-key-env")
                    + " needs --against-model");
        }
        Fingerprint earlier = against == null ? null : FingerprintFile.read(against);
        ModelClient client = ModelFlags.client("--model", model, baseUrl, apiKeyEnv);
        ModelClient otherClient = againstModel == null ? null : ModelFlags.client("--against-model", againstModel, againstBaseUrl, againstApiKeyEnv);
        Fingerprint fingerprint = EndpointProbe.probe(client);
        if (out != null) {
            FingerprintFile.write(out, fingerprint);
        }
        Fingerprint other = otherClient != null ? EndpointProbe.probe(otherClient) : earlier;
        PrintWriter stdout = spec.commandLine().getOut();
        if (other == null) {
            stdout.print(format == Format.JSON ? FingerprintFile.text(fingerprint) + "\n" : IdentityFormat.text(fingerprint));
            stdout.flush();
            return 0;
        }
        FingerprintComparison comparison = FingerprintComparison.of(fingerprint, other);
        stdout.print(format == Format.JSON ? IdentityFormat.json(comparison, fingerprint, other)
                : IdentityFormat.text(fingerprint) + "\nagainst" + (against != null ? " " + against : "") + "\n"
                        + IdentityFormat.text(other) + "\n" + IdentityFormat.text(comparison));
        stdout.flush();
        return comparison.verdict() == FingerprintComparison.Verdict.LIKELY_SAME ? 0 : ErrorReporter.FAILURES;
    }

    private int identifyRun() {
        Map<String, Object> modelFlags = new LinkedHashMap<>();
        modelFlags.put("--base-url", baseUrl);
        modelFlags.put("--api-key-env", apiKeyEnv);
        modelFlags.put("--out", out);
        modelFlags.put("--against", against);
        modelFlags.put("--against-model", againstModel);
        modelFlags.put("--against-base-url", againstBaseUrl);
        modelFlags.put("--against-api-key-env", againstApiKeyEnv);
        modelFlags.forEach((flag, value) -> {
            if (value != null) {
                throw new InputException(flag + " goes with --model, not --run");
            }
        });
        RunIdentity identity = RunIdentity.of(RunReport.of(run));
        PrintWriter stdout = spec.commandLine().getOut();
        if (againstRun == null) {
            stdout.print(format == Format.JSON ? IdentityFormat.write(IdentityFormat.json(run, identity))
                    : IdentityFormat.text(run, identity));
            stdout.flush();
            return 0;
        }
        RunIdentity other = RunIdentity.of(RunReport.of(againstRun));
        List<String> differences = identity.differences(other);
        List<String> compared = identity.compared(other);
        String verdict = !differences.isEmpty() ? "identity changed"
                : identity.calls() == 0 || other.calls() == 0 ? NOTHING_COMPARABLE + ": a run recorded no model call"
                : compared.isEmpty() ? NOTHING_COMPARABLE + ": the runs share no served model name, system fingerprint,"
                        + " decided tokenizer or request that both recorded"
                : "no recorded difference in " + String.join(", ", compared);
        if (format == Format.JSON) {
            stdout.print(IdentityFormat.json(verdict, compared, differences, IdentityFormat.json(run, identity),
                    IdentityFormat.json(againstRun, other)));
        } else {
            stdout.print(IdentityFormat.text(run, identity) + "\nagainst\n" + IdentityFormat.text(againstRun, other)
                    + "\nverdict      " + verdict + "\n");
            differences.forEach(difference -> stdout.println("  " + difference));
        }
        stdout.flush();
        // Nothing comparable exits as an inconclusive endpoint comparison does: no evidence is not "the same".
        return differences.isEmpty() && !compared.isEmpty() ? 0 : ErrorReporter.FAILURES;
    }
}
