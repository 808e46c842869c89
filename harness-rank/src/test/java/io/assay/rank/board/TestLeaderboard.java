package io.assay.rank.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.assay.launcher.InputException;
import io.assay.rank.RankRuns;
import io.assay.rank.RunTasks;
import io.assay.spi.Options;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boards of real runs through the engine: oracle, a scripted agent right on 3 of 4 tasks, and null. */
class TestLeaderboard {
    @TempDir
    Path work;

    private Path suite(String version) throws Exception {
        return RankRuns.suite(work.resolve("suite-" + version), version, "a=2=easy", "b=4=easy", "c=6=hard", "d=8=hard");
    }

    private RunTasks run(Path suite, String agent, Options options, String out) throws Exception {
        return RunTasks.read(RankRuns.run(suite, agent, options, 1, true, work.resolve(out)));
    }

    private RunTasks scripted(Path suite, String answerOfB, String out) throws Exception {
        return run(suite, "scripted", RankRuns.predictions(work.resolve(out + ".jsonl"), "a=2", "b=" + answerOfB, "c=6", "d=9"), out);
    }

    @Test
    void threeAgentsRankedByOverlappingIntervalsWithBaselinesAsReference() throws Exception {
        Path suite = suite("1");
        List<RunTasks> runs = List.of(run(suite, "null", Options.empty(), "null"), scripted(suite, "4", "scripted"),
                run(suite, "oracle", Options.empty(), "oracle"));

        Leaderboard board = Leaderboard.of(runs, RunsMode.MEAN);

        assertThat(board.suite()).isEqualTo("sums@1");
        assertThat(board.rows()).extracting(BoardRow::agent).containsExactly("oracle", "scripted", "null");
        // scripted: task means 1, 1, 1, 0 -> mean 0.75, sd 0.5, stderr 0.25, t(3) = 3.182446:
        // [-0.046, 1.546] clipped to [0, 1], which overlaps both oracle's [1, 1] and null's [0, 0]
        BoardRow scripted = board.rows().get(1);
        assertThat(scripted.score().mean()).isEqualTo(0.75);
        assertThat(scripted.score().stderr()).isCloseTo(0.25, within(1e-12));
        assertThat(scripted.score().ci95()).containsExactly(0.0, 1.0);
        // oracle: nothing above 1 -> 1; scripted: nobody's lower bound above 1 -> 1; null: oracle's 1 > 0 -> 2
        assertThat(board.rows()).extracting(BoardRow::rank).containsExactly(1, 1, 2);
        assertThat(board.rows()).extracting(BoardRow::trials).containsOnly(4L);
        assertThat(board.rows()).extracting(BoardRow::errorRate).containsOnly(0.0);
        assertThat(board.rows()).extracting(BoardRow::costUsd).containsOnlyNulls();
        assertThat(board.frontier()).isEmpty();
        assertThat(board.unplaced()).hasSize(3);
        assertThat(board.belowMinimum()).hasSize(3);
        assertThat(board.baselines()).isNotEmpty().isEqualTo(runs.getFirst().summary().baselines());
    }

    @Test
    void severalRunsOfOneEntryAreAveragedTakenFirstOrListedAndAlwaysCounted() throws Exception {
        Path suite = suite("1");
        List<RunTasks> runs = List.of(scripted(suite, "4", "first"), scripted(suite, "5", "second"));

        BoardRow mean = Leaderboard.of(runs, RunsMode.MEAN).rows().getFirst();
        BoardRow first = Leaderboard.of(runs, RunsMode.FIRST).rows().getFirst();
        List<BoardRow> all = Leaderboard.of(runs, RunsMode.ALL).rows();

        // per task across the runs: a 1, b (1 + 0) / 2 = 0.5, c 1, d 0 -> 0.625;
        // squared deviations 0.6875, variance 0.229167, stderr 0.239357
        assertThat(mean.score().mean()).isEqualTo(0.625);
        assertThat(mean.score().stderr()).isCloseTo(0.239357, within(1e-6));
        assertThat(mean.tasks()).isEqualTo(4);
        assertThat(mean.trials()).isEqualTo(8);
        assertThat(first.score().mean()).isEqualTo(0.75);
        assertThat(first.trials()).isEqualTo(4);
        assertThat(all).extracting(BoardRow::run).containsExactly("first", "second");
        assertThat(all).extracting(row -> row.score().mean()).containsExactly(0.75, 0.5);
        assertThat(List.of(mean, first, all.get(0), all.get(1))).extracting(BoardRow::runs).containsOnly(2);
    }

    @Test
    void segmentBoardsRankEachValuesTasksOnItsOwn() throws Exception {
        Path suite = suite("1");
        List<RunTasks> runs = List.of(scripted(suite, "4", "scripted"), run(suite, "null", Options.empty(), "null"));

        List<Leaderboard> boards = Leaderboard.bySegment(runs, RunsMode.MEAN, "level");

        assertThat(boards).extracting(Leaderboard::segment).containsExactly("level=easy", "level=hard");
        assertThat(boards.get(0).rows()).extracting(row -> row.score().mean()).containsExactly(1.0, 0.0);
        assertThat(boards.get(1).rows()).extracting(row -> row.score().mean()).containsExactly(0.5, 0.0);
        // hard for scripted: task means 1, 0 -> stderr 0.5, t(1) = 12.706: [0, 1], overlapping null's [0, 0]
        assertThat(boards.get(1).rows()).extracting(BoardRow::rank).containsExactly(1, 1);
        assertThat(boards.get(0).rows()).extracting(BoardRow::rank).containsExactly(1, 2);
        assertThat(boards).allSatisfy(board -> {
            assertThat(board.baselines()).isEmpty();
            assertThat(board.belowMinimum()).hasSize(2);
            assertThat(board.rows()).extracting(BoardRow::trials).containsOnly(2L);
        });
        assertThatThrownBy(() -> Leaderboard.bySegment(runs, RunsMode.MEAN, "topic"))
                .isInstanceOf(InputException.class).hasMessageContaining("no task has the metadata key topic");
    }

    @Test
    void runsOfTwoSuiteVersionsAreRefused() throws Exception {
        List<RunTasks> runs = List.of(run(suite("1"), "oracle", Options.empty(), "v1"),
                run(suite("2"), "oracle", Options.empty(), "v2"));

        assertThatThrownBy(() -> Leaderboard.of(runs, RunsMode.MEAN))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("graded sums@1 (").hasMessageContaining("graded sums@2 (");
    }
}
