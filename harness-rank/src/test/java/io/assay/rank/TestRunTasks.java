package io.assay.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run task by task: epochs folded into each task, and suites compared by content. */
class TestRunTasks {
    @TempDir
    Path work;

    private Path suite(String name, String answerOfB) throws Exception {
        Path suite = Files.createDirectories(work.resolve(name));
        Files.writeString(suite.resolve("suite.yaml"), """
                id: pair
                version: "1"
                description: Two sums.
                measures: Adding.
                reward: {type: exact}
                """);
        Files.writeString(suite.resolve("tasks.jsonl"), """
                {"id": "a", "prompt": "1+1?", "answer": "2", "metadata": {"level": "easy"}}
                {"id": "b", "prompt": "2+2?", "answer": "%s", "metadata": {"level": "hard"}}
                """.formatted(answerOfB));
        return suite;
    }

    private Path run(Path suite, String agent, Options options, int epochs, String out) throws Exception {
        Assay.open(List.of()).start(RunSettings.builder(suite, agent).agentOptions(options).epochs(epochs)
                .out(work.resolve(out)).build()).execute(ProgressListener.NONE);
        return work.resolve(out);
    }

    @Test
    void eachTaskFoldsItsEpochs() throws Exception {
        Path suite = suite("s", "4");
        Path predictions = Files.writeString(work.resolve("p.jsonl"), """
                {"task_id": "a", "epoch": 0, "output": "2"}
                {"task_id": "a", "epoch": 1, "output": "3"}
                {"task_id": "b", "output": "4"}
                """);

        RunTasks run = RunTasks.read(run(suite, "scripted", Options.of(Map.of("file", predictions.toString())), 2, "r"));

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
                .hasMessageStartingWith(work.resolve("r1") + " graded pair@1 (sha256:")
                .hasMessageContaining(" but " + work.resolve("r2") + " graded pair@1 (sha256:");
    }
}
