package io.assay.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import io.assay.spi.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run task by task: epochs folded into each task, and suites compared by content. */
class TestRunTasks {
    @TempDir
    Path work;

    private Path suite(String name, String answerOfB) throws Exception {
        return RankRuns.suite(work.resolve(name), "1", "a=2=easy", "b=" + answerOfB + "=hard");
    }

    private Path run(Path suite, String agent, Options options, int epochs, String out) throws Exception {
        return RankRuns.run(suite, agent, options, epochs, false, work.resolve(out));
    }

    @Test
    void eachTaskFoldsItsEpochs() throws Exception {
        Path suite = suite("s", "4");
        Options predictions = RankRuns.predictions(work.resolve("p.jsonl"), "a#0=2", "a#1=3", "b=4");

        RunTasks run = RunTasks.read(run(suite, "scripted", predictions, 2, "r"));

        assertThat(run.tasks()).containsOnlyKeys("a", "b");
        assertThat(run.tasks().get("a").meanScore()).isEqualTo(0.5);
        assertThat(run.tasks().get("a").passed()).isEqualTo(1);
        assertThat(run.tasks().get("a").trials()).isEqualTo(2);
        assertThat(run.tasks().get("b").passRate()).isEqualTo(1.0);
        assertThat(run.tasks().get("b").metadata()).containsEntry("level", "hard");
        assertThat(run.manifest().agent().name()).isEqualTo("scripted");
    }

    @Test
    void runsOfAnotherSuiteVersionAreRefusedNamingBoth() throws Exception {
        RunTasks first = RunTasks.read(run(suite("s1", "4"), "oracle", Options.empty(), 1, "r1"));
        RunTasks edited = RunTasks.read(run(suite("s2", "5"), "oracle", Options.empty(), 1, "r2"));
        RunTasks again = RunTasks.read(run(suite("s1", "4"), "null", Options.empty(), 1, "r3"));

        assertThat(first.sameSuite(again)).isTrue();
        assertThatThrownBy(() -> first.requireSameSuite(edited))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(work.resolve("r1") + " graded sums@1 (sha256:")
                .hasMessageContaining(" but " + work.resolve("r2") + " graded sums@1 (sha256:");
    }
}
