package io.assay.rank.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.launcher.ScoreStatistics;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CI-aware ranks and the cost-vs-score frontier on constructed rows (costs come only from model calls). */
class TestRankAndFrontier {

    private static BoardRow row(String agent, double mean, double low, double high, String cost) {
        return new BoardRow(agent, null, null, 1, 20, new ScoreStatistics(mean, 0.05, new double[] {low, high}), null,
                40, 0, cost == null ? null : new BigDecimal(cost));
    }

    @Test
    void overlappingIntervalsShareARankAndOnlyClearlyHigherLowerBoundsCount() {
        List<BoardRow> ranked = CiAwareRank.rank(List.of(
                row("c", 0.35, 0.2, 0.5, null), row("a", 0.8, 0.7, 0.9, null),
                row("d", 0.2, 0.1, 0.3, null), row("b", 0.7, 0.6, 0.8, null)));

        // a: no lower bound above 0.9 -> 1; b: none above 0.8 -> 1;
        // c: a (0.7) and b (0.6) above 0.5 -> 3; d: a and b above 0.3, c's 0.2 is not -> 3
        assertThat(ranked).extracting(BoardRow::agent).containsExactly("a", "b", "c", "d");
        assertThat(ranked).extracting(BoardRow::rank).containsExactly(1, 1, 3, 3);
    }

    @Test
    void aScoreWithoutIntervalSpansEverythingAndNoScoreHasNoRank() {
        BoardRow oneTask = new BoardRow("one", null, null, 1, 1, new ScoreStatistics(0.9, null, null), null, 1, 0, null);
        BoardRow allErrors = new BoardRow("broken", null, null, 1, 0, new ScoreStatistics(null, null, null), null, 5, 5, null);

        List<BoardRow> ranked = CiAwareRank.rank(List.of(allErrors, row("low", 0.1, 0.05, 0.15, null), oneTask));

        // one's [0, 1] overlaps low's interval both ways; broken is last and unranked
        assertThat(ranked).extracting(BoardRow::agent).containsExactly("one", "low", "broken");
        assertThat(ranked).extracting(BoardRow::rank).containsExactly(1, 1, null);
    }

    @Test
    void theFrontierKeepsWhatNoCheaperEntryBeatsAndLeavesOutUnknownCosts() {
        BoardRow cheap = row("cheap", 0.5, 0.4, 0.6, "0.10");
        BoardRow mid = row("mid", 0.7, 0.6, 0.8, "1.00");
        BoardRow dominated = row("dominated", 0.6, 0.5, 0.7, "2.00");   // mid costs less and scores more
        BoardRow top = row("top", 0.9, 0.8, 1.0, "5.00");
        BoardRow tie = row("tie", 0.5, 0.4, 0.6, "0.50");               // same score as cheap, dearer
        BoardRow unknown = row("unknown", 0.95, 0.9, 1.0, null);

        assertThat(ParetoFrontier.of(List.of(top, dominated, unknown, tie, mid, cheap)))
                .extracting(BoardRow::agent).containsExactly("cheap", "mid", "top");
    }

    @Test
    void errorRateIsErrorsPerRecordedTrialAndSmallRowsAreBelowMinimum() {
        BoardRow row = new BoardRow("a", "m", null, 1, 12, new ScoreStatistics(0.5, 0.1, new double[] {0.3, 0.7}), null,
                40, 10, null);

        assertThat(row.errorRate()).isEqualTo(0.25);
        assertThat(row.belowMinimum()).as("30 scored trials, 12 tasks").isFalse();
        assertThat(new BoardRow("c", null, null, 1, 9, row.score(), null, 100, 0, null).belowMinimum()).isTrue();
        assertThat(new BoardRow("d", null, null, 1, 20, row.score(), null, 31, 2, null).belowMinimum()).isTrue();
        assertThat(row.label()).isEqualTo("a (m)");
    }
}
