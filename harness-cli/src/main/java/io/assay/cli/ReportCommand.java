package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.launcher.RunReport;
import io.assay.view.HtmlReport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay report}: the summary of a run directory, recomputed from its trials. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints a run's summary, its failed tasks, or a task's trials.",
                "The summary is recomputed from the run's trials.jsonl, so it also works on an interrupted or crashed run."},
        footer = {"", "Examples:",
                "  assay report runs/arithmetic-oracle-20261122-101500",
                "  assay report runs/mc-null --format json | jq .score",
                "  assay report runs/mc-null --failed",
                "  assay report runs/mc-null --task q7",
                "  assay report runs/mc-null --format html > report.html"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by `assay run`.")
    Path runDirectory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, or html: the viewer's pages of the run in one self-contained file (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TEXT, JSON, HTML }

    @Option(names = "--failed", description = "List the tasks with a failed or errored trial, with the first reason.")
    boolean failed;

    @Option(names = "--task", paramLabel = "ID", description = "Print every trial of this task: outcome, reward and transcript.")
    String task;

    @Override
    public Integer call() throws Exception {
        if ((failed || task != null) && format != Format.TEXT) {
            throw new InputException((failed ? "--failed" : "--task") + " prints text; --format " + format.name().toLowerCase(Locale.ROOT)
                            + (format == Format.JSON ? " prints the summary" : " writes the whole run's pages"),
                    "the trials themselves are JSON lines in RUN_DIR/trials.jsonl");
        }
        if (failed && task != null) {
            throw new InputException("--failed and --task: give one", "assay report RUN_DIR --failed, then --task ID");
        }
        var out = spec.commandLine().getOut();
        if (format == Format.HTML) {
            HtmlReport.writeRun(runDirectory, out);
            return 0;
        }
        RunReport report = RunReport.of(runDirectory);
        if (failed) {
            FailedTasks tasks = new FailedTasks();
            report.forEachTrial(tasks::add);
            tasks.print(out);
        } else if (task != null) {
            TaskTranscripts transcripts = new TaskTranscripts(task);
            report.forEachTrial(transcripts::add);
            if (transcripts.isEmpty()) {
                throw new InputException("--task " + task + ": " + runDirectory + " has no trial of task " + task,
                        "assay report " + runDirectory + " --failed lists the tasks that failed");
            }
            transcripts.print(out);
        } else if (format == Format.JSON) {
            out.println(report.summaryJson());
        } else {
            out.print(SummaryTable.render(report.summary(), report.manifest()));
        }
        out.flush();
        return 0;
    }
}
