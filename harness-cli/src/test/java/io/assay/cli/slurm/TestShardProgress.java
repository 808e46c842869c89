package io.assay.cli.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.cli.progress.ProgressMode;
import io.assay.cli.progress.ProgressReporter;
import io.assay.launcher.Shard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one bar over all shards counts each recorded line once, however the reads cut the files. */
class TestShardProgress {
    @TempDir
    Path run;

    @Test
    void countsEveryCompleteLineOnceAndALineStillBeingWrittenOnlyOnceItEnds() throws IOException {
        Files.createDirectories(run.resolve("shards"));
        // Longer than a read's 64 KiB chunk: the line arrives in pieces.
        String longTrace = "x".repeat(200_000);
        append(0, trial("a", true, "completed", longTrace) + trial("b", false, "completed", ""));
        append(1, trial("c", false, "error", "") + trial("d", true, "completed", "").substring(0, 40));
        StringWriter shown = new StringWriter();
        Optional<ProgressReporter> bar = ProgressReporter.forMode(ProgressMode.LINES, new PrintWriter(shown));

        try (ShardProgress progress = new ShardProgress(run, 2, bar)) {
            progress.start(4);
            assertThat(progress.recorded()).isEqualTo(3);
            append(1, trial("d", true, "completed", "").substring(40));
            progress.poll();
            progress.poll();
            assertThat(progress.recorded()).isEqualTo(4);
            progress.finish(false);
        }
        // Lines read before the bar started count as resumed; only "d" was seen as it was recorded.
        assertThat(shown.toString()).contains("progress: 4/4 trials").contains("pass 100.0%");
    }

    @Test
    void withoutABarItCountsLinesWithoutReadingThem() throws IOException {
        Files.createDirectories(run.resolve("shards"));
        append(0, trial("a", true, "completed", "") + "\n" + "not json, a torn line from a crash\n");
        append(1, trial("b", false, "error", ""));

        try (ShardProgress progress = new ShardProgress(run, 2, Optional.empty())) {
            progress.start(3);
            assertThat(progress.recorded()).isEqualTo(3);
        }
    }

    @Test
    void shardsNeverSeenAreCountedFromTheCombinedFileByTheirOwnTrialsOnly() throws IOException {
        Files.createDirectories(run.resolve("shards"));
        String seenByShard0 = "";
        StringBuilder combined = new StringBuilder();
        int ofShard1 = 0;
        for (String task : new String[] {"a", "b", "c", "d", "e", "f"}) {
            String line = trial(task, true, "completed", "");
            if (Shard.of(task, 0, 2) == 0) {
                seenByShard0 += line;
            } else {
                ofShard1++;
            }
            combined.append(line);
        }
        append(0, seenByShard0);
        try (ShardProgress progress = new ShardProgress(run, 2, ProgressReporter.forMode(ProgressMode.NONE, new PrintWriter(new StringWriter())))) {
            progress.start(6);
            long fromShard0 = progress.recorded();
            Files.writeString(run.resolve("trials.jsonl"), combined);
            progress.finish(true);
            assertThat(progress.recorded()).isEqualTo(fromShard0 + ofShard1).isEqualTo(6);
        }
    }

    @Test
    void aShardStartedAgainAfterAKillMidLineIsReadOnFromWhereItCutItsFile() throws IOException {
        Files.createDirectories(run.resolve("shards"));
        String first = trial("a", true, "completed", "");
        append(0, first + trial("b", true, "completed", "x".repeat(500)).substring(0, 300));
        StringWriter shown = new StringWriter();
        try (ShardProgress progress = new ShardProgress(run, 2, ProgressReporter.forMode(ProgressMode.LINES, new PrintWriter(shown)))) {
            progress.start(3);
            progress.poll();
            assertThat(progress.recorded()).isEqualTo(1);
            // The shard started again cuts the torn line off, as RunDirectory.truncateTornTail does, and appends.
            Path file = run.resolve("shards").resolve(new Shard(0, 2).name() + ".jsonl");
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(first.length());
            }
            append(0, trial("b", false, "completed", "") + trial("c", false, "harness_error", ""));
            progress.poll();
            assertThat(progress.recorded()).isEqualTo(3);
            progress.finish(false);
        }
        assertThat(shown.toString()).contains("progress: 3/3 trials").contains("pass 0.0%");
    }

    @Test
    void aCombinedFileWithBytesThatAreNotUtf8IsCountedAroundThem() throws IOException {
        Files.createDirectories(run.resolve("shards"));
        StringBuilder combined = new StringBuilder();
        for (String task : new String[] {"a", "b", "c", "d"}) {
            combined.append(trial(task, true, "completed", ""));
        }
        byte[] bad = {'{', '"', 't', 'a', 's', 'k', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        Files.write(run.resolve("trials.jsonl"), bad);
        Files.writeString(run.resolve("trials.jsonl"), combined, StandardOpenOption.APPEND);
        try (ShardProgress progress = new ShardProgress(run, 2, Optional.empty())) {
            progress.start(4);
            progress.finish(true);
            assertThat(progress.recorded()).isEqualTo(4);
        }
    }

    private static String trial(String task, boolean passed, String outcome, String trace) {
        return "{\"suite\":\"s\",\"task\":\"" + task + "\",\"epoch\":0,\"outcome\":\"" + outcome + "\",\"passed\":" + passed
                + ",\"output\":{\"answer\":\"\",\"trace\":\"" + trace + "\"},\"reward\":{\"passed\":" + !passed + "}}\n";
    }

    private void append(int shard, String lines) throws IOException {
        Files.writeString(run.resolve("shards").resolve(new Shard(shard, 2).name() + ".jsonl"), lines, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
