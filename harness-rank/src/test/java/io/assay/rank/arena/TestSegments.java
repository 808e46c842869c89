package io.assay.rank.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSegments {

    private static List<Battle> battles() {
        List<Battle> battles = new ArrayList<>();
        String[][] raters = {{"fr", "FR"}, {"fr", "CA"}, {"en", "CA"}};
        for (int k = 0; k < 30; k++) {
            String[] rater = raters[k % 3];
            battles.add(new Battle("b" + k, k % 2 == 0 ? "x" : "y", k % 2 == 0 ? "y" : "x",
                    k % 5 == 0 ? Battle.Winner.B : Battle.Winner.A, Map.of("language", rater[0], "country", rater[1]), Map.of()));
        }
        return battles;
    }

    @Test
    void whereSelectsTheSegmentAndTheBoardCountsItsBattlesAndWarnsBelowTheMinimum() {
        ArenaBoard.Segment french = Segments.where(List.of("rater.language=fr"));
        List<Battle> selected = Segments.select(battles(), french);
        ArenaBoard board = ArenaBoard.rate(selected, new ArenaOptions(null, 0, 0, false, 50), french);
        assertThat(board.battles()).isEqualTo(20);
        assertThat(board.segment().filters()).containsExactly(Map.entry("rater.language", "fr"));
        assertThat(board.warnings()).containsExactly("only 20 battles (fewer than 50): the ratings are rough");
        ArenaBoard.Segment both = Segments.where(List.of("rater.language=fr", "rater.country=CA"));
        assertThat(Segments.select(battles(), both)).hasSize(10);
    }

    @Test
    void segmentSplitsByEachValue() {
        Map<ArenaBoard.Segment, List<Battle>> byCountry = Segments.split(battles(), ArenaBoard.Segment.ALL, "rater.country");
        assertThat(byCountry.keySet()).extracting(ArenaBoard.Segment::toString).containsExactly("rater.country=CA", "rater.country=FR");
        assertThat(byCountry.values()).extracting(List::size).containsExactly(20, 10);
    }

    @Test
    void aFilterThatIsNotARaterAttributeIsBadInput() {
        assertThatThrownBy(() -> Segments.where(List.of("language=fr"))).isInstanceOf(InputException.class)
                .hasMessage("--where language=fr: expected rater.ATTRIBUTE=VALUE");
    }
}
