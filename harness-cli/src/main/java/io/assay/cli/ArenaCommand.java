package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.models.ModelOptions;
import io.assay.rank.arena.ArenaBoard;
import io.assay.rank.arena.ArenaFormat;
import io.assay.rank.arena.ArenaOptions;
import io.assay.rank.arena.Battle;
import io.assay.rank.arena.BattleFile;
import io.assay.rank.arena.NotIdentifiableException;
import io.assay.rank.arena.Segments;
import io.assay.rank.pairwise.PairwiseBattles;
import io.assay.rank.pairwise.PairwiseJudge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay arena}: Bradley–Terry ratings from pairwise battles, read from a file or, with
 * {@code --pairwise RUN_A RUN_B}, made by a judge from two runs' recorded answers.
 */
@Command(name = "arena", mixinStandardHelpOptions = true,
        description = {"Rates models from pairwise battles, with 95%% CIs and ranks.",
                "Bradley–Terry by maximum likelihood, with bootstrap CIs and CI-aware ranks. Ratings are on an Elo-like scale,"
                        + " the anchor model at 1000; a tie or both_bad is half a win for each side."},
        footer = {"", "Examples:",
                "  assay arena examples/arena/battles.jsonl",
                "  assay arena battles.jsonl --anchor gpt-x --bootstrap 2000 --seed 7",
                "  assay arena battles.jsonl --style-control --format markdown",
                "  assay arena battles.jsonl --where rater.language=fr",
                "  assay arena battles.jsonl --segment rater.country --format json | jq '.[].segment'",
                "  assay arena --pairwise runs/chat-gpt-x runs/chat-claude-y --judge-model openai/gpt-4o --output battles.jsonl"})
final class ArenaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BATTLES", description = "A JSON-lines file, one battle a line: "
            + "{\"id\", \"model_a\", \"model_b\", \"winner\": \"a\"|\"b\"|\"tie\"|\"both_bad\", \"rater\": {...}, \"features\": {...}}.")
    Path battlesFile;

    @Option(names = "--pairwise", arity = "2", paramLabel = "RUN", description = "Instead of BATTLES: battles between"
            + " the recorded answers of two runs of one suite, one per task and epoch both answered, judged by --judge-model"
            + " twice (answers in order, then swapped); an answer wins only when picked both times, else it is a tie.")
    List<Path> pairwise = new ArrayList<>();

    @Mixin
    JudgeOptions judge;

    @Option(names = "--output", paramLabel = "FILE", description = "With --pairwise: write the battles to FILE and rate them;"
            + " without it the battles are printed, one JSON line each, and not rated.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { TEXT, JSON, MARKDOWN }

    @Option(names = "--anchor", paramLabel = "MODEL", description = "The model rated 1000 (default: the first model by name).")
    String anchor;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + ArenaOptions.DEFAULT_BOOTSTRAP,
            description = "Bootstrap resamples of the battles for the 95%% CIs; 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0", description = "The bootstrap's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--style-control", description = "Rate net of style: covariates for the normalised differences (a − b)/(a + b)"
            + " of tokens, markdown elements and latency, each reported with its coefficient.")
    boolean styleControl;

    @Option(names = "--where", paramLabel = "rater.ATTRIBUTE=VALUE",
            description = "Rate only the battles whose rater matches; repeatable, all must match.")
    List<String> where = new ArrayList<>();

    @Option(names = "--segment", paramLabel = "rater.ATTRIBUTE", description = "One board per value of this rater attribute.")
    String segment;

    @Option(names = "--min-battles", paramLabel = "N", defaultValue = "" + ArenaOptions.DEFAULT_MIN_BATTLES,
            description = "Warn on a board with fewer battles (default: ${DEFAULT-VALUE}).")
    int minBattles;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (bootstrap < 0) {
            throw new InputException("--bootstrap " + bootstrap + ": expected 0 or more resamples", "--bootstrap 0 turns the CIs off");
        }
        ArenaOptions options = new ArenaOptions(anchor, bootstrap, seed, styleControl, minBattles);
        ArenaBoard.Segment selected = Segments.where(where);
        var out = spec.commandLine().getOut();
        List<Battle> battles;
        if (pairwise.isEmpty()) {
            if (battlesFile == null) {
                throw new InputException("give a BATTLES file, or --pairwise RUN_A RUN_B");
            }
            if (judge.given() || output != null) {
                throw new InputException((output != null ? "--output" : "--judge-model") + " applies to --pairwise only");
            }
            battles = BattleFile.read(battlesFile);
        } else {
            battles = judgedBattles();
            if (output == null) {
                battles.forEach(battle -> out.println(BattleFile.line(battle)));
                out.flush();
                return 0;
            }
            Files.write(output, battles.stream().map(BattleFile::line).toList(), StandardCharsets.UTF_8);
        }
        if (segment == null) {
            ArenaBoard board = ArenaBoard.rate(Segments.select(battles, selected), options, selected);
            out.print(switch (format) {
                case TEXT -> ArenaFormat.text(board);
                case JSON -> ArenaFormat.json(board);
                case MARKDOWN -> ArenaFormat.markdown(board);
            });
        } else {
            List<ArenaBoard> boards = new ArrayList<>();
            for (Map.Entry<ArenaBoard.Segment, List<Battle>> part : Segments.split(battles, selected, segment).entrySet()) {
                try {
                    boards.add(ArenaBoard.rate(part.getValue(), options, part.getKey()));
                } catch (NotIdentifiableException e) {
                    // A small segment often cannot be rated; the others still can.
                    spec.commandLine().getErr().println("warning: " + part.getKey() + ": " + part.getValue().size()
                            + " battles, not rated: " + e.getMessage());
                }
            }
            if (format == Format.JSON) {
                out.print(ArenaFormat.json(boards));
            } else {
                for (int i = 0; i < boards.size(); i++) {
                    out.print((i > 0 ? "\n" : "") + (format == Format.TEXT ? ArenaFormat.text(boards.get(i)) : ArenaFormat.markdown(boards.get(i))));
                }
            }
        }
        out.flush();
        return 0;
    }

    /** The battles {@code --pairwise} makes, each left-out task epoch a warning. */
    private List<Battle> judgedBattles() throws InterruptedException {
        if (battlesFile != null) {
            throw new InputException("give either a BATTLES file or --pairwise RUN_A RUN_B, not both");
        }
        if (judge.model == null) {
            throw new InputException("--pairwise needs --judge-model PROVIDER/NAME, the judge of the battles");
        }
        PairwiseJudge pairwiseJudge = new PairwiseJudge(ModelOptions.from(judge.modelOptions()), System::getenv);
        PairwiseBattles.Result result = PairwiseBattles.judge(pairwise.get(0), pairwise.get(1), pairwiseJudge,
                shared.open());
        result.warnings().forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
        return result.battles();
    }
}
