package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.testkit.Benchmarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GSM8K's published test file, read unchanged through a suite's {@code dataset} block: every one
 * of its 1,319 problems loads, its reference graded by the real numeric check, and runs.
 */
class TestGsm8kDataset {
    private static final int GSM8K_TEST_TASKS = 1319;

    @TempDir
    Path temp;

    private Assay assay;
    private Path suite;

    @BeforeEach
    void writeSuite() throws Exception {
        assay = Assay.open(List.of());
        suite = Files.createDirectories(temp.resolve("gsm8k"));
        Files.writeString(suite.resolve("suite.yaml"), """
                id: gsm8k
                dataset:
                  path: %s
                  fields: {prompt: question, answer: answer}
                  answer_pattern: '####\\s*(.+)$'
                  template: "Solve this problem: {prompt}"
                reward: {type: numeric}
                """.formatted(Benchmarks.folder("gsm8k/test.jsonl").toAbsolutePath()));
    }

    /** The oracle answers every reference, which the numeric check passes; the null agent says nothing. */
    @ParameterizedTest
    @CsvSource({"oracle, 1.0", "null, 0.0"})
    void everyProblemRunsAndScoresAsTheAgentDeserves(String agent, double score) throws Exception {
        RunResult result = assay.start(RunSettings.builder(suite, agent).concurrency(4).out(temp.resolve(agent)).build())
                .execute(ProgressListener.NONE);

        assertThat(result.status()).isEqualTo(Manifest.COMPLETED);
        assertThat(result.summary().trials()).isEqualTo(GSM8K_TEST_TASKS);
        assertThat(result.summary().errors()).isZero();
        assertThat(result.summary().passRate()).isEqualTo(score);
        assertThat(result.summary().score().mean()).isEqualTo(score);
    }

    @Test
    void tasksAreSelectedByTheirRowNumber() throws Exception {
        RunResult result = assay.start(RunSettings.builder(suite, "oracle").out(temp.resolve("selected"))
                .selection(TaskSelection.parse(List.of("131?"), List.of(), null, null)).build())
                .execute(ProgressListener.NONE);

        assertThat(result.summary().trials()).as("rows 1310 to 1319").isEqualTo(10);
    }
}
