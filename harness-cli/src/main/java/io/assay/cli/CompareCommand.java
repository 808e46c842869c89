package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.launcher.RunReport;
import io.assay.rank.RunTasks;
import io.assay.rank.compare.ComparisonJson;
import io.assay.rank.compare.ComparisonText;
import io.assay.rank.compare.RunComparison;
import io.assay.trust.holdout.HoldoutGap;
import io.assay.trust.holdout.HoldoutReport;
import io.assay.trust.holdout.HoldoutRuns;
import java.io.IOException;
import io.assay.trust.identity.RunIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay compare}: whether run B differs from run A on the same suite version, task by task. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two runs of one suite version, task by task.",
                "Tasks are paired (epochs averaged within a task): the mean difference b - a with its 95%% interval, a paired"
                        + " t-test, the tasks that passed in only one run with McNemar's exact test, the smallest difference"
                        + " the tasks could detect, and the same per metadata segment. Tasks only one run scored are counted"
                        + " and left out (docs/rankings.md)."},
        footer = {"", "Examples:",
                "  assay compare runs/arith-oracle runs/arith-scripted",
                "  assay compare runs/arith-oracle runs/arith-scripted --format json | jq .ci95",
                "  assay compare runs/gpt runs/claude --format markdown > comparison.md",
                "  assay compare runs/gpt-public runs/gpt-private --holdout split",
                "",
                "A changed model identity (served model, system fingerprint, tokenizer; see assay identify --run) is a"
                        + " warning on stderr.",
                "",
                "Exit codes: 0 compared, 2 bad usage or input (runs of different suite versions; with --holdout, runs not"
                        + " of the split's public and private parts or not of one agent)."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run directory.")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared with it; differences are b - a.")
    Path runB;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TEXT, JSON, MARKDOWN }

    @Option(names = "--holdout", paramLabel = "DIR", description = "A split by `assay holdout split`: RUN_A ran its public"
            + " part and RUN_B its private part, of one agent; reports the public-minus-private gap with Welch's 95%% interval"
            + " instead (text or json).")
    Path holdout;

    @Override
    public Integer call() throws IOException {
        if (holdout != null) {
            return holdoutGap();
        }
        RunComparison comparison = RunComparison.of(RunTasks.read(runA), RunTasks.read(runB));
        warnWhenModelIdentityChanged();
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case TEXT -> ComparisonText.text(comparison);
            case JSON -> ComparisonJson.text(comparison) + "\n";
            case MARKDOWN -> ComparisonText.markdown(comparison);
        });
        out.flush();
        return 0;
    }

    private int holdoutGap() throws IOException {
        if (format == Format.MARKDOWN) {
            throw new InputException("--format markdown is not available with --holdout", "use --format text or json");
        }
        HoldoutRuns split = HoldoutRuns.read(holdout);
        HoldoutGap gap = split.gap(RunTasks.read(runA), RunTasks.read(runB));
        warnWhenModelIdentityChanged();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? HoldoutReport.json(split, gap) + "\n" : HoldoutReport.text(split, gap));
        out.flush();
        return 0;
    }

    /** A score difference means little when another model answered: one warning per recorded difference. */
    private void warnWhenModelIdentityChanged() {
        RunIdentity.of(RunReport.of(runA)).differences(RunIdentity.of(RunReport.of(runB)))
                .forEach(difference -> spec.commandLine().getErr().println("warning: model identity: " + difference));
    }
}
