package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.results.SummaryCalculator;
import io.assay.launcher.Shard;
import io.assay.spi.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestShardTally {
    private static final Shard SHARD = new Shard(1, 2);

    @TempDir
    Path run;

    private final SummaryCalculator summary = new SummaryCalculator("s", "a", 2, null);

    @BeforeEach
    void finishShard() throws Exception {
        Files.createDirectories(run.resolve(RunDirectory.SHARDS));
        Files.writeString(RunDirectory.shardFile(run, SHARD), "{\"task\": \"t1\"}\n{\"task\": \"t2\"}\n");
        summary.add(new TrialCodec.Figures("t1", 0, Outcome.COMPLETED, 0.5, false, Duration.ZERO, Map.of(), List.of()));
        summary.add(new TrialCodec.Figures("t2", 0, Outcome.COMPLETED, 1.0, true, Duration.ZERO, Map.of(), List.of()));
        ShardTally.write(run, SHARD, summary);
    }

    @Test
    void aTallyIsReadBackWhileItsFileIsAsItWas() throws Exception {
        ShardTally.Part part = ShardTally.read(run, SHARD).orElseThrow();

        assertThat(part.bytes()).isEqualTo(Files.size(RunDirectory.shardFile(run, SHARD)));
        assertThat(part.summary().trials()).isEqualTo(2);
        SummaryCalculator added = new SummaryCalculator("s", "a", 2, null);
        added.addAll(part.summary());
        assertThat(added.summary()).usingRecursiveComparison().isEqualTo(summary.summary());
    }

    @Test
    void aTallyIsNotUsedOnceItsFileChangedEvenAtTheSameLength() throws Exception {
        Path file = RunDirectory.shardFile(run, SHARD);
        Files.writeString(file, Files.readString(file).replace("t2", "t3"));

        assertThat(ShardTally.read(run, SHARD)).isEmpty();

        Files.writeString(file, Files.readString(file).replace("t3", "t2") + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(ShardTally.read(run, SHARD)).as("one byte longer").isEmpty();
    }

    @Test
    void aMissingOrDamagedTallyIsNotUsed() throws Exception {
        Path tally = ShardTally.file(run, SHARD);
        String text = Files.readString(tally);
        Files.writeString(tally, text.substring(0, text.length() - 3));
        assertThat(ShardTally.read(run, SHARD)).as("cut short").isEmpty();

        Files.writeString(tally, text.substring(text.indexOf('\n') + 1));
        assertThat(ShardTally.read(run, SHARD)).as("no header").isEmpty();

        Files.writeString(tally, text.replace("\"trials\":2", "\"trials\":3"));
        assertThat(ShardTally.read(run, SHARD)).as("changed itself").isEmpty();
        Files.writeString(tally, text);
        assertThat(ShardTally.read(run, SHARD)).as("as written").isPresent();

        Files.delete(tally);
        assertThat(ShardTally.read(run, SHARD)).as("none").isEmpty();
    }
}
