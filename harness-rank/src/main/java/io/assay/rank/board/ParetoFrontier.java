package io.assay.rank.board;

import java.util.Comparator;
import java.util.List;

/**
 * The entries no other entry beats on both score and cost (as HAL reports them): for each, every
 * entry that costs no more also scores no higher, unless it is the same point. Entries without a
 * known cost or score can't be placed and are left out; boards say which.
 */
final class ParetoFrontier {

    private ParetoFrontier() {
    }

    /** The frontier, cheapest first. */
    static List<BoardRow> of(List<BoardRow> rows) {
        List<BoardRow> placed = rows.stream().filter(ParetoFrontier::placeable).toList();
        return placed.stream()
                .filter(row -> placed.stream().noneMatch(other -> dominates(other, row)))
                .sorted(Comparator.comparing(BoardRow::costUsd).thenComparing(row -> -row.score().mean()))
                .toList();
    }

    /** Whether the row has both a score and a cost. */
    static boolean placeable(BoardRow row) {
        return row.costUsd() != null && row.score().mean() != null;
    }

    private static boolean dominates(BoardRow a, BoardRow b) {
        int cost = a.costUsd().compareTo(b.costUsd());
        int score = Double.compare(a.score().mean(), b.score().mean());
        return cost <= 0 && score >= 0 && (cost < 0 || score > 0);
    }
}
