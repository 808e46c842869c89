package io.assay.rank.board;

import java.util.Comparator;
import java.util.List;

/**
 * Ranks that only separate entries whose intervals do: an entry's rank is 1 + the number of
 * entries whose lower bound is above its upper bound. Entries with overlapping intervals share a
 * rank, so a board does not order what its data cannot tell apart.
 *
 * <p>A row with a score but no interval (one scored task) is given the widest interval, [0, 1]:
 * nothing is known about its spread. A row with no score gets no rank.
 */
final class CiAwareRank {

    private CiAwareRank() {
    }

    /** The rows with their ranks, best first; rows without a score last. */
    static List<BoardRow> rank(List<BoardRow> rows) {
        return rows.stream()
                .map(row -> row.withRank(row.score().mean() == null ? null
                        : 1 + (int) rows.stream().filter(other -> low(other) > high(row)).count()))
                .sorted(Comparator.comparing(BoardRow::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(row -> row.score().mean(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(BoardRow::label))
                .toList();
    }

    private static double low(BoardRow row) {
        if (row.score().mean() == null) {
            return Double.NEGATIVE_INFINITY;
        }
        return row.score().ci95() == null ? 0.0 : row.score().ci95()[0];
    }

    private static double high(BoardRow row) {
        return row.score().ci95() == null ? 1.0 : row.score().ci95()[1];
    }
}
