package io.assay.cli;

import static io.assay.cli.CliResult.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workload {@code ./assay} trains its start-up cache on covers a plain run, a model call
 * path, on loopback only, and a sharded run, and says when it failed (the launcher then runs without a cache).
 */
class TestStartupTraining {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void trainsOnAnOracleRunChatCallsToItsOwnLoopbackEndpointAndTwoShards() throws Exception {
        StartupTraining.Outcome outcome = StartupTraining.train(REPO.resolve("examples/arithmetic"), temp, quiet,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(outcome.exitCode()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(temp.resolve("oracle/trials.jsonl"))).hasSize(20);
        // Every chat trial is one call served by the training's endpoint, none a harness error.
        assertThat(Files.readAllLines(temp.resolve("chat/trials.jsonl"))).hasSize(400)
                .allSatisfy(line -> assertThat(line).contains("\"served_model\":\"training\"")
                        .doesNotContain("\"outcome\":\"error\""));
        assertThat(outcome.modelCalls()).isEqualTo(400);
        // Then two shards of a generated suite run by one task, as an array task takes a waiting shard: the second on its slice, then the combination.
        assertThat(Files.readString(temp.resolve("sharded/manifest.json"))).contains("\"status\" : \"completed\"");
        assertThat(Files.readAllLines(temp.resolve("sharded/trials.jsonl"))).hasSize(20_000);
    }

    @Test
    void aFailingTrainingSaysSoAndCallsNoModel() throws Exception {
        StartupTraining.Outcome outcome = StartupTraining.train(temp.resolve("no-such-suite"), temp.resolve("work"),
                quiet, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.modelCalls()).isZero();
    }
}
