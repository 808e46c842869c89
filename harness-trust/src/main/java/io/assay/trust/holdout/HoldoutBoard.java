package io.assay.trust.holdout;

import io.assay.launcher.InputException;
import io.assay.rank.RunTasks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A leaderboard over a holdout split: each entry (an agent with its model option) with its public
 * run, its private run and the gap between them. Entries are ordered by private score, the one no
 * entry could have been tuned to; an entry missing a part shows what it has.
 *
 * <pre>{@code
 * HoldoutBoard board = HoldoutBoard.of(HoldoutRuns.read(Path.of("split")), runs);
 * board.rows().getFirst().gap().gap(); // the best entry's public-minus-private gap
 * }</pre>
 */
public record HoldoutBoard(HoldoutRuns split, List<Row> rows) {

    /**
     * One entry.
     *
     * @param publicPart its public run, or {@code null}
     * @param privatePart its private run, or {@code null}
     * @param gap the gap, {@code null} unless it has both
     */
    public record Row(String entry, String agent, String model, HoldoutGap.Part publicPart, HoldoutGap.Part privatePart,
                      HoldoutGap gap) {
    }

    /**
     * @throws InputException when a run graded neither part, or an entry has two runs of one part
     */
    public static HoldoutBoard of(HoldoutRuns split, List<RunTasks> runs) {
        if (runs.isEmpty()) {
            throw new InputException("no run given", "assay leaderboard RUN_DIR... --holdout " + split.directory());
        }
        Map<String, Map<HoldoutRuns.Side, RunTasks>> byEntry = new LinkedHashMap<>();
        for (RunTasks run : runs) {
            HoldoutRuns.Side side = split.sideOf(run);
            RunTasks earlier = byEntry.computeIfAbsent(HoldoutRuns.entry(run), entry -> new EnumMap<>(HoldoutRuns.Side.class))
                    .putIfAbsent(side, run);
            if (earlier != null) {
                throw new InputException(earlier.directory() + " and " + run.directory() + " are both "
                        + side.name().toLowerCase(Locale.ROOT) + " runs of " + HoldoutRuns.entry(run),
                        "give one public and one private run per agent");
            }
        }
        List<Row> rows = new ArrayList<>();
        byEntry.forEach((entry, sides) -> {
            RunTasks shown = sides.get(HoldoutRuns.Side.PUBLIC);
            RunTasks held = sides.get(HoldoutRuns.Side.PRIVATE);
            RunTasks any = shown != null ? shown : held;
            rows.add(new Row(entry, any.manifest().agent().name(), any.model(),
                    shown == null ? null : HoldoutGap.Part.of(shown), held == null ? null : HoldoutGap.Part.of(held),
                    shown == null || held == null ? null : HoldoutGap.of(shown, held)));
        });
        rows.sort(Comparator.comparing((Row row) -> mean(row.privatePart()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(row -> mean(row.publicPart()), Comparator.nullsLast(Comparator.reverseOrder())));
        return new HoldoutBoard(split, List.copyOf(rows));
    }

    private static Double mean(HoldoutGap.Part part) {
        return part == null ? null : part.score().mean();
    }
}
