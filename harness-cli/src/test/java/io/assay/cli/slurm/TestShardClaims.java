package io.assay.cli.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of a shard an array task took besides its own, as the submitting command reads it. */
class TestShardClaims {
    @TempDir
    Path run;

    @Test
    void theTakerIsReadAsTheTaskItNamesUntilTheShardIsSubmittedAgain() throws Exception {
        Files.createDirectories(run.resolve("slurm"));
        Files.writeString(ShardClaims.file(run, 2), "17_0\n");

        assertThat(ShardClaims.taker(run, 2)).contains(new SlurmQueue.Task("17", 0));
        assertThat(ShardClaims.taker(run, 3)).as("a shard nobody took").isEmpty();

        ShardClaims.forget(run, 2);
        assertThat(ShardClaims.taker(run, 2)).isEmpty();
    }

    @Test
    void aRecordThatNamesNoTaskIsNobody() throws Exception {
        Files.createDirectories(run.resolve("slurm"));
        for (String text : new String[] {"", "17", "_3", "17_x", "17_99999999999"}) {
            Files.writeString(ShardClaims.file(run, 1), text);

            assertThat(ShardClaims.taker(run, 1)).as(text).isEmpty();
        }
    }
}
