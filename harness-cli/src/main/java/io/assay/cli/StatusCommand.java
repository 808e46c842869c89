package io.assay.cli;

import io.assay.launcher.RunProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay status}: how far a run, in one process or split into shards, has got. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Prints a run's progress, per shard for a sharded run.",
                "Counts the lines of the run's files without reading the trials, so it is quick, and safe while the"
                        + " run or its shards are still going."},
        footer = {"", "Examples:",
                "  assay status runs/arith",
                "  assay status runs/arith --format json | jq '.shards[] | select(.finished | not) | .shard'",
                "",
                "Exit codes: 0 the progress was printed (whatever it is), 2 not a run directory."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by `assay run`.")
    Path runDirectory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TEXT, JSON }

    @Override
    public Integer call() {
        RunProgress progress = RunProgress.of(runDirectory);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            out.println(progress.json());
        } else {
            print(progress, out);
        }
        out.flush();
        return 0;
    }

    private static void print(RunProgress progress, PrintWriter out) {
        out.println("run      " + progress.directory());
        out.println("status   " + progress.status());
        out.println("trials   " + progress.trials() + " of " + progress.expectedTrials() + " recorded");
        if (progress.shards().isEmpty()) {
            return;
        }
        out.println("shards   " + progress.shardsDone() + " of " + progress.shards().size() + " done");
        for (RunProgress.ShardProgress shard : progress.shards()) {
            out.printf("  %-9s %d of %d trials%s%n", shard.shard(), shard.trials(), shard.expectedTrials(),
                    shard.finished() ? "  done" : "");
        }
    }
}
