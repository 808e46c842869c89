package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.results.SummaryCalculator;
import io.assay.core.testing.FakeComponents;
import io.assay.spi.AgentOutput;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.RunInfo;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's parts in order: the line on disk first, then the summary, the error tally and the sinks. */
class TestTrialLog {
    private static final Task TASK = new Task("t1", "say 1", "1", null, Map.of("level", "easy"), null);

    @TempDir
    Path temp;

    @Test
    void eachTrialIsOnDiskWhenAppendReturnsSoACrashLosesNone() throws Exception {
        Path file = temp.resolve("trials.jsonl");
        try (TrialLog log = new TrialLog(file, new SummaryCalculator("s", "a", 2, null), SinkFanOut.none())) {
            log.append(trial(Outcome.COMPLETED, null), TASK);

            assertThat(Files.readAllLines(file)).singleElement().asString().contains("\"task\":\"t1\"");
            assertThat(log.summary().trials()).isEqualTo(1);
        }
    }

    @Test
    void aFailingSinkIsDroppedWithAWarningAndTheOthersGetEveryTrial() throws Exception {
        List<TrialRecord> received = new ArrayList<>();
        ComponentRegistry registry = new ComponentRegistry(List.of(
                FakeComponents.resultSink("broken", record -> {
                    throw new IllegalStateException("disk full");
                }),
                FakeComponents.resultSink("memory", received::add)));
        RunInfo run = new RunInfo("run-1", temp, "s", "a");

        try (TrialLog log = new TrialLog(temp.resolve("trials.jsonl"), new SummaryCalculator("s", "a", 2, null),
                SinkFanOut.open(registry, List.of("broken", "memory"), run))) {
            log.append(trial(Outcome.COMPLETED, null), TASK);
            log.append(trial(Outcome.HARNESS_ERROR, "sandbox did not start"), TASK);

            assertThat(received).hasSize(2);
            assertThat(Files.readAllLines(temp.resolve("trials.jsonl"))).hasSize(2);
            assertThat(log.warnings()).containsExactly(
                    "result sink 'broken' failed and was disabled: disk full",
                    "most common error (1 of 1 unscored trial): sandbox did not start");
        }
    }

    private static TrialRecord trial(Outcome outcome, String error) {
        return new TrialRecord("s", TASK.id(), 0, 1, outcome, AgentOutput.of("1"),
                outcome.scored() ? RewardResult.pass("equal") : null, error, 1, Instant.EPOCH, Duration.ZERO, Duration.ZERO);
    }
}
