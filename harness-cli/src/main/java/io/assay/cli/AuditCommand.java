package io.assay.cli;

import io.assay.launcher.AddedProbe;
import io.assay.launcher.AuditResult;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.InputException;
import io.assay.models.ModelClient;
import io.assay.spi.Finding;
import io.assay.trust.contamination.MemorizationProbe;
import io.assay.view.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay audit}: checks that a benchmark's tasks and graders are valid before anyone trusts a score. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audits a suite for the flaws that mis-state agent scores.",
                "Looks for the flaws that have mis-stated published agent benchmarks: unsolvable tasks, trivial agents"
                        + " that pass, graders fooled by answer stuffing or negation, valid answers rejected, leaked answers,"
                        + " bad ground truth, flaky graders and missing reporting; with --model, a model that has memorised"
                        + " the suite (its canary, its prompts). Each finding names the task, the evidence"
                        + " and the fix, and cites the Agentic Benchmark Checklist (docs/audit.md)."},
        footer = {"", "Examples:",
                "  assay audit examples/multiple-choice",
                "  assay audit examples/flawed/answer-stuffing --format json",
                "  assay audit my-suite --format markdown --output ABC-REPORT.md --fail-on warning",
                "  assay audit my-suite --format html --output audit.html",
                "  assay audit examples/arithmetic --model openai/gpt-4o-mini --memorization-tasks 10",
                "  assay audit ../shared/benchmarks/tau-bench/tau2/airline --split test",
                "",
                "Exit codes: 0 no finding at or above --fail-on, 1 such findings, 2 bad usage or input."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite directory.")
    Path suite;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people), json (for machines), markdown (a publishable ABC report card) or html (the viewer's"
                    + " audit page in one self-contained file). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit with 1 when a finding is at least this severe: error or warning (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "How many times oracle trials and grading are repeated to catch flakiness (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "300s", converter = DurationConverter.class,
            description = "Per-trial limit for the agents probes run (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "How many trials the probes, which run at once, may have under way together (default: twice"
                    + " the cores, here ${DEFAULT-VALUE}).")
    int concurrency = AuditSettings.DEFAULT_CONCURRENCY;

    @Option(names = "--probe", paramLabel = "NAME", description = "Run only this probe. Repeatable; `assay plugins` lists them.")
    List<String> probes = new ArrayList<>();

    @Mixin
    TaskSelectionOptions selection;

    @Mixin
    EnvironmentOptions environment;

    @Mixin
    JudgeOptions judge;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed --sample and --memorization-tasks draw with (default: ${DEFAULT-VALUE}, as for `assay run`).")
    long seed;

    @Option(names = "--model", paramLabel = "PROVIDER/NAME",
            description = "A model to ask for the suite from memory (the memorization probe, ABC R.3): to complete the"
                    + " canary and continue task prompts. Costs 1 + --memorization-tasks model calls. Without it R.3 reads"
                    + " not checked.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "The --model's endpoint.")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable holding the --model's API key.")
    String apiKeyEnv;

    @Option(names = "--memorization-tasks", paramLabel = "N", defaultValue = "5",
            description = "How many task prompts the memorization probe sends, one model call each, drawn with --seed"
                    + " (default: ${DEFAULT-VALUE}).")
    int memorizationTasks;

    enum Format { TEXT, JSON, MARKDOWN, HTML }

    enum FailOn {
        ERROR(Finding.Severity.ERROR), WARNING(Finding.Severity.WARNING);

        final Finding.Severity severity;

        FailOn(Finding.Severity severity) {
            this.severity = severity;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ReportOutput.requireWritable(output);
        AuditSettings settings = new AuditSettings(repeats, timeout, probes, selection.selection(), seed,
                environment.environmentOptions(), judge.checkDefaults(), List.of(memorizationProbe()), concurrency);
        AuditResult report = shared.open().audit(suite, settings, probe -> {
            err.println("audit: " + probe);
            err.flush();
        });
        String rendered = switch (format) {
            case TEXT -> report.text();
            case JSON -> report.json() + "\n";
            case MARKDOWN -> report.markdown();
            case HTML -> HtmlReport.audit(report.json());
        };
        ReportOutput.write(spec, output, rendered);
        return report.hasFindingsAtLeast(failOn.severity) ? ErrorReporter.FAILURES : 0;
    }

    /** The memorization probe with the --model's client, or named as unavailable without one. */
    private AddedProbe memorizationProbe() {
        if (memorizationTasks < 0) {
            throw new InputException("--memorization-tasks must be 0 or more, got " + memorizationTasks);
        }
        if (model == null) {
            if (baseUrl != null || apiKeyEnv != null) {
                throw new InputException((baseUrl != null ? "--base-url" : "--api-key-env") + " needs --model",
                        "they set where the memorization probe's --model is called");
            }
            return AddedProbe.unavailable(MemorizationProbe.NAME, MemorizationProbe.COVERS, "needs --model");
        }
        ModelClient client = ModelFlags.client("--model", model, baseUrl, apiKeyEnv);
        return AddedProbe.of(new MemorizationProbe(client, memorizationTasks, seed));
    }
}
