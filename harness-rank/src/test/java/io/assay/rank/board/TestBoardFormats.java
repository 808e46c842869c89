package io.assay.rank.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.launcher.ScoreStatistics;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frontier and costs as printed, on a constructed board: real runs have costs only from model calls. */
class TestBoardFormats {

    private static BoardRow row(String agent, String model, double mean, double low, double high, String cost) {
        return new BoardRow(agent, model, null, 1, 40, new ScoreStatistics(mean, 0.05, new double[] {low, high}), null,
                80, 4, cost == null ? null : new BigDecimal(cost));
    }

    private final List<BoardRow> rows = CiAwareRank.rank(List.of(
            row("chat", "big", 0.9, 0.8, 1.0, "4.20"), row("chat", "small", 0.6, 0.5, 0.7, "0.35"),
            row("chat", "mid", 0.55, 0.45, 0.65, "1.10"), row("local", null, 0.7, 0.6, 0.8, null)));
    private final Leaderboard board = new Leaderboard("s@1", "sha256:x", RunsMode.MEAN, null, rows,
            Map.of("empty", 0.0), ParetoFrontier.of(rows));

    @Test
    void textMarksTheFrontierAndNamesWhatItCouldNotPlace() {
        String text = BoardTable.text(board);

        assertThat(text).containsPattern("\\n1 +chat \\(big\\) +0\\.900 +\\[0\\.800, 1\\.000\\] +40 +5\\.0% \\(4\\) +80 +1 +4\\.20 +yes\\n")
                .containsPattern("\\n2 +chat \\(mid\\) +0\\.550 .* 1\\.10 +-\\n")
                .contains("Pareto frontier (higher score, lower cost): chat (small) 0.600 at $0.35, chat (big) 0.900 at $4.20")
                .contains("Not on the frontier, cost or score unknown: local\n")
                .containsPattern("\\nbaseline +empty +0\\.000")
                .doesNotContain("Warning");
    }

    @Test
    void jsonKeepsUnknownCostNullAndListsTheFrontier() {
        String json = BoardJson.of(board);

        assertThat(json).contains("\"cost_usd\" : 4.20").contains("\"cost_usd\" : null")
                .contains("\"pareto_frontier\" : [ \"chat (small)\", \"chat (big)\" ]")
                .contains("\"below_minimum\" : [ ]");
    }
}
