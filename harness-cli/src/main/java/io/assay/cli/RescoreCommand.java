package io.assay.cli;

import io.assay.launcher.RescoreResult;
import io.assay.kit.Plural;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay rescore}: a run's recorded outputs graded again with the suite's current checks. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = {"Grades a run's recorded outputs again into a new run directory.",
                "Grades the outputs with the suite's current reward checks, without running the agent (no agent model is"
                        + " called). Use it after fixing a check. Tool-environment trials are re-graded by replaying their"
                        + " recorded tool calls; sandbox trials keep their grade. The suite loads as the run loaded it"
                        + " (its --split and -E options); judge checks use the run's --judge-model unless a new one"
                        + " is given.",
                "Exit codes: 0 done, 1 some trials now end in harness or judge errors, 2 bad input."},
        footer = {"", "Examples:",
                "  assay rescore runs/retail-tools-react-20261122-101500",
                "  assay rescore runs/mc-chat --out runs/mc-chat-fixed-check",
                "  assay rescore runs/mc-chat --judge-model openai/gpt-4o --out runs/mc-chat-gpt-4o-judge"})
final class RescoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by `assay run`.")
    Path run;

    @Option(names = "--out", paramLabel = "DIR", description = "The new run directory (default: RUN_DIR-rescored).")
    Path out;

    @Mixin
    JudgeOptions judge;

    @Override
    public Integer call() throws Exception {
        RescoreResult result = shared.open().rescore(run, out, judge.given() ? judge.checkDefaults() : null,
                spec.commandLine().getParseResult().originalArgs());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(SummaryTable.render(result.run().summary(), result.manifest()));
        stdout.println("Rescored " + Plural.of(result.regraded(), "trial") + " of " + run + " into " + result.directory()
                + (result.kept() > 0 ? "; " + Plural.of(result.kept(), "trial") + " kept " + (result.kept() == 1 ? "its" : "their")
                + " grade (a check that grades a sandbox's end state)" : ""));
        if (result.changes().isEmpty()) {
            stdout.println("No grade changed.");
        } else {
            stdout.println("Changed (" + result.changes().size() + (result.changes().size() == 50 ? " shown" : "") + "):");
            result.changes().forEach(change -> stdout.println("  " + change));
        }
        stdout.flush();
        return result.run().summary().errors() > 0 ? ErrorReporter.FAILURES : 0;
    }
}
