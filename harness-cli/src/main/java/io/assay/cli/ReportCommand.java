package io.assay.cli;

import io.assay.launcher.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay report}: the summary of a run directory, recomputed from its trials. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints the summary of a run directory.",
                "The summary is recomputed from the run's trials.jsonl, so it also works on an interrupted or crashed run."},
        footer = {"", "Examples:",
                "  assay report runs/arithmetic-oracle-20261122-101500",
                "  assay report runs/mc-null --format json | jq .score"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by `assay run`.")
    Path runDirectory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TEXT, JSON }

    @Override
    public Integer call() throws Exception {
        RunReport report = RunReport.of(runDirectory);
        var out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            out.println(report.summaryJson());
        } else {
            out.print(SummaryTable.render(report.summary(), report.manifest()));
        }
        out.flush();
        return 0;
    }
}
