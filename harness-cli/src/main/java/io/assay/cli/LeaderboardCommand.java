package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.rank.RunTasks;
import io.assay.rank.board.BoardJson;
import io.assay.rank.board.BoardTable;
import io.assay.rank.board.Leaderboard;
import io.assay.rank.board.RunsMode;
import io.assay.trust.holdout.HoldoutBoard;
import io.assay.trust.holdout.HoldoutReport;
import io.assay.trust.holdout.HoldoutRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay leaderboard}: entries of one suite version ranked by score, with intervals, errors and cost. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = {"Ranks agents on runs of one suite, with intervals and cost.",
                "An entry is an agent with its model option; entries share a rank while their intervals overlap"
                        + " (rank = 1 + the entries whose lower bound is above this one's upper bound)."},
        footer = {"", "Examples:",
                "  assay leaderboard runs/arith-oracle runs/arith-scripted runs/arith-null",
                "  assay leaderboard runs/* --runs all --format markdown > board.md",
                "  assay leaderboard runs/* --segment topic --format json | jq '.boards[].entries[0]'",
                "  assay leaderboard runs/*-public runs/*-private --holdout split"})
final class LeaderboardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Directories written by `assay run`, all of one suite version.")
    List<Path> runDirectories;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TEXT, JSON, MARKDOWN }

    @Option(names = "--runs", paramLabel = "MODE", defaultValue = "mean",
            description = "Several runs of one entry: first (the earliest started), mean (per-task means averaged"
                    + " across runs) or all (one row per run) (default: ${DEFAULT-VALUE}).")
    RunsMode runsMode;

    @Option(names = "--segment", paramLabel = "KEY",
            description = "One board per value of this task metadata key, each with its own intervals.")
    String segment;

    @Option(names = "--holdout", paramLabel = "DIR", description = "A split by `assay holdout split`: the runs are of its"
            + " public and private parts; pairs each entry's public run with its private run and shows the gap with"
            + " Welch's 95%% interval (text or json).")
    Path holdout;

    @Override
    public Integer call() throws IOException {
        List<RunTasks> runs = runDirectories.stream().map(RunTasks::read).toList();
        var out = spec.commandLine().getOut();
        if (holdout != null) {
            if (format == Format.MARKDOWN || segment != null || spec.commandLine().getParseResult().hasMatchedOption("--runs")) {
                throw new InputException("--holdout takes neither --format markdown, --segment nor --runs",
                        "use --format text or json; each entry has one public and one private run");
            }
            HoldoutBoard board = HoldoutBoard.of(HoldoutRuns.read(holdout), runs);
            out.print(format == Format.JSON ? HoldoutReport.json(board) + "\n" : HoldoutReport.text(board));
            out.flush();
            return 0;
        }
        if (segment == null) {
            Leaderboard board = Leaderboard.of(runs, runsMode);
            out.print(format == Format.JSON ? BoardJson.of(board) + "\n" : table().apply(board));
        } else {
            List<Leaderboard> boards = Leaderboard.bySegment(runs, runsMode, segment);
            out.print(format == Format.JSON ? BoardJson.ofSegments(segment, boards) + "\n"
                    : boards.stream().map(table()).collect(Collectors.joining("\n")));
        }
        out.flush();
        return 0;
    }

    private Function<Leaderboard, String> table() {
        return format == Format.MARKDOWN ? BoardTable::markdown : BoardTable::text;
    }
}
