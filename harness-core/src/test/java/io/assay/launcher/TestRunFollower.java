package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.run.TrialCodec;
import io.assay.spi.AgentOutput;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.TrialRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A viewer following a run as it grows: only new complete lines are read, each can be read again by its place. */
class TestRunFollower {
    @TempDir
    Path run;

    @BeforeEach
    void manifest() throws Exception {
        Files.writeString(run.resolve("manifest.json"), """
                {"run_id": "r", "status": "running", "suite": {"id": "s", "version": "1", "content_hash": "sha256:0",
                 "path": "s", "tasks": 3, "selected": null}, "agent": {"name": "oracle", "options": {}},
                 "settings": {"epochs": 1, "concurrency": 1, "timeout_seconds": 1, "retry_errors": 0, "seed": 0,
                 "sinks": [], "max_cost_usd": null, "max_errors": null, "selection": null},
                 "harness_version": "dev", "jdk": "x", "arguments": [], "working_directory": ".", "started": "2026-12-05T00:00:00Z"}
                """);
    }

    @Test
    void eachPollReadsOnlyTheLinesAppendedSinceAndSkipsATornLastLineUntilItEnds() throws Exception {
        String first = line("t1", true);
        String second = line("t2", false);
        append(first + "\n" + second.substring(0, 20));
        RunFollower follower = RunFollower.open(run);
        List<RunFollower.TrialLine> seen = new ArrayList<>();

        follower.poll(seen::add);
        assertThat(seen).extracting(t -> t.task()).containsExactly("t1");

        append(second.substring(20) + "\n\n" + line("t3", true) + "\n");
        follower.poll(seen::add);

        assertThat(seen).extracting(t -> t.task()).containsExactly("t1", "t2", "t3");
        assertThat(follower.line(seen.get(1).offset(), seen.get(1).length())).isEqualTo(second);
        assertThat(seen.get(1).offset()).isEqualTo(first.getBytes(StandardCharsets.UTF_8).length + 1);
        assertThat(follower.summary().trials()).isEqualTo(3);
        assertThat(follower.summary().passRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void placesCountBytesSoLinesWithNonAsciiTextReadBackWhole() throws Exception {
        String accented = line("t1", true).replace("\"answer\":\"1\"", "\"answer\":\"Brasília ✓\"");
        append(accented + "\n" + line("t2", true) + "\n");
        RunFollower follower = RunFollower.open(run);
        List<RunFollower.TrialLine> seen = new ArrayList<>();

        follower.poll(seen::add);

        assertThat(follower.line(seen.get(0).offset(), seen.get(0).length())).isEqualTo(accented);
        assertThat(follower.line(seen.get(1).offset(), seen.get(1).length())).isEqualTo(line("t2", true));
    }

    @Test
    void aFileCutShorterThanWhatWasReadIsReportedSoTheViewerStartsOver() throws Exception {
        append(line("t1", true) + "\n" + line("t2", true) + "\n");
        RunFollower follower = RunFollower.open(run);
        follower.poll(t -> { });

        Files.writeString(run.resolve("trials.jsonl"), line("t1", true) + "\n");

        assertThat(follower.poll(t -> { })).isFalse();
    }

    @Test
    void aCorruptLineNamesItsLineNumberCountedAcrossPolls() throws Exception {
        append(line("t1", true) + "\n\n");
        RunFollower follower = RunFollower.open(run);
        follower.poll(t -> { });
        append("{not json\n");

        assertThatThrownBy(() -> follower.poll(t -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("trials.jsonl:3: not valid JSON");
    }

    @Test
    void aFileLargeEnoughToDecodeOnEveryCoreIsStillHandedOnInFileOrderAndACorruptLineIsNamed() throws Exception {
        StringBuilder lines = new StringBuilder();
        String padding = "x".repeat(600);
        for (int i = 0; i < 12_000; i++) {
            lines.append(line("t" + i, i % 3 == 0).replace("\"answer\":\"1\"", "\"answer\":\"" + padding + "\"")).append('\n');
        }
        append(lines.toString());
        assertThat(Files.size(run.resolve("trials.jsonl"))).isGreaterThan(5L << 20);
        List<String> tasks = new ArrayList<>();

        RunFollower.open(run).poll(t -> tasks.add(t.task()));

        assertThat(tasks).hasSize(12_000).startsWith("t0", "t1", "t2").endsWith("t11998", "t11999");
        assertThat(tasks).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 12_000).mapToObj(i -> "t" + i).toList());
        Files.writeString(run.resolve("trials.jsonl"), lines.toString().replaceFirst("\\{\"suite\":\"s\",\"task\":\"t9000\"", "{oops"));
        assertThatThrownBy(() -> RunFollower.open(run).poll(t -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("trials.jsonl:9001: not valid JSON");
    }

    @Test
    void theManifestIsReadAgainAtEachPollSoAnEndedRunShowsAsEnded() throws Exception {
        RunFollower follower = RunFollower.open(run);
        follower.poll(t -> { });
        Files.writeString(run.resolve("manifest.json"),
                Files.readString(run.resolve("manifest.json")).replace("\"running\"", "\"completed\""));

        follower.poll(t -> { });

        assertThat(follower.manifest().status()).isEqualTo(Manifest.COMPLETED);
    }

    private void append(String text) throws Exception {
        Files.writeString(run.resolve("trials.jsonl"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String line(String task, boolean passed) {
        TrialRecord record = new TrialRecord("s", task, 0, 0, Outcome.COMPLETED, AgentOutput.of("1"),
                passed ? RewardResult.pass("equal") : RewardResult.fail("not equal"), null, 1, Instant.EPOCH,
                Duration.ZERO, Duration.ZERO);
        return TrialCodec.encode(record, List.of(), Map.of());
    }
}
