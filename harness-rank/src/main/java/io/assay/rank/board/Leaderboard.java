package io.assay.rank.board;

import io.assay.launcher.InputException;
import io.assay.rank.RunTasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A ranking of entries on one suite version, or on the tasks of that suite sharing one metadata
 * value (a segment).
 *
 * <pre>{@code
 * Leaderboard board = Leaderboard.of(List.of(RunTasks.read(a), RunTasks.read(b)), RunsMode.MEAN);
 * board.rows().getFirst().rank(); // 1
 * }</pre>
 *
 * @param suite the suite as {@code id@version}
 * @param contentHash the suite's content hash, the same for every run on the board
 * @param segment {@code key=value} of a segment board, {@code null} for the whole suite
 * @param rows ranked rows, best first
 * @param baselines trivial-agent scores, reference rows without rank; only on a whole-suite board,
 *                  since they are recorded for the whole suite
 * @param frontier the cost-vs-score Pareto frontier, cheapest first
 */
public record Leaderboard(String suite, String contentHash, RunsMode runsMode, String segment, List<BoardRow> rows,
                          Map<String, Double> baselines, List<BoardRow> frontier) {

    /**
     * The board of these runs over every task.
     *
     * @throws InputException naming two of them when the runs graded different suite versions
     */
    public static Leaderboard of(List<RunTasks> runs, RunsMode mode) {
        requireOneSuite(runs);
        Map<String, Double> baselines = new TreeMap<>();
        runs.stream().map(run -> run.summary().baselines()).filter(Objects::nonNull).forEach(baselines::putAll);
        return board(runs, mode, null, task -> true, baselines);
    }

    /**
     * One board per value of the metadata {@code key}, in the values' order, each over the tasks with that value.
     *
     * @throws InputException when the runs graded different suite versions, or no task has {@code key}
     */
    public static List<Leaderboard> bySegment(List<RunTasks> runs, RunsMode mode, String key) {
        requireOneSuite(runs);
        TreeSet<String> values = new TreeSet<>();
        TreeSet<String> keys = new TreeSet<>();
        for (RunTasks run : runs) {
            for (RunTasks.TaskResult task : run.tasks().values()) {
                keys.addAll(task.metadata() == null ? List.of() : task.metadata().keySet());
                String value = valueOf(task, key);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        if (values.isEmpty()) {
            throw new InputException("--segment " + key + ": no task has the metadata key " + key,
                    keys.isEmpty() ? "these runs' tasks have no metadata" : "keys: " + String.join(", ", keys));
        }
        List<Leaderboard> boards = new ArrayList<>();
        for (String value : values) {
            boards.add(board(runs, mode, key + "=" + value, task -> value.equals(valueOf(task, key)), Map.of()));
        }
        return boards;
    }

    private static Leaderboard board(List<RunTasks> runs, RunsMode mode, String segment,
                                     Predicate<RunTasks.TaskResult> included, Map<String, Double> baselines) {
        List<BoardRow> rows = new ArrayList<>();
        for (Entry entry : Entry.group(runs)) {
            rows.addAll(entry.rows(mode, included, segment == null));
        }
        List<BoardRow> ranked = CiAwareRank.rank(rows);
        var suite = runs.getFirst().manifest().suite();
        return new Leaderboard(suite.id() + "@" + suite.version(), suite.contentHash(), mode, segment, ranked,
                Collections.unmodifiableMap(new TreeMap<>(baselines)), ParetoFrontier.of(ranked));
    }

    private static void requireOneSuite(List<RunTasks> runs) {
        if (runs.isEmpty()) {
            throw new InputException("no run given", "assay leaderboard RUN_DIR...");
        }
        runs.forEach(runs.getFirst()::requireSameSuite);
    }

    private static String valueOf(RunTasks.TaskResult task, String key) {
        Object value = task.metadata() == null ? null : task.metadata().get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** The rows the frontier cannot place, for want of a score or a known cost. */
    public List<BoardRow> unplaced() {
        return rows.stream().filter(row -> !ParetoFrontier.placeable(row)).toList();
    }

    /** The rows whose intervals rest on too few trials or tasks to be trusted. */
    public List<BoardRow> belowMinimum() {
        return rows.stream().filter(BoardRow::belowMinimum).toList();
    }
}
