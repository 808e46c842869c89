package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.RunSettings;
import io.assay.launcher.Shard;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The creator of a sharded run hands every shard its own tasks, and the combining shard their order. */
class TestShardSlices {
    private static final int COUNT = 3;
    private static final int EPOCHS = 2;

    @TempDir
    Path run;

    private Manifest manifest;

    @BeforeEach
    void shardedRun() throws IOException {
        Files.createDirectories(run.resolve("shards"));
        manifest = manifest("2026-12-05T10:00:00Z");
    }

    private static Manifest manifest(String started) {
        RunSettings settings = RunSettings.builder(Path.of("suite"), "null").epochs(EPOCHS).build();
        return Manifest.started("run", new Manifest.SuiteRef("s", "1", "sha256:abc", "suite", 20, null), settings, started,
                null, List.of()).withShards(ShardAssignment.of(tasks(20), EPOCHS, COUNT).sharding());
    }

    private void write(Manifest manifest, List<Task> tasks) {
        ShardSlices.write(run, manifest, suite(tasks), ShardAssignment.of(tasks, EPOCHS, COUNT));
    }

    private static Suite suite(List<Task> tasks) {
        return new Suite("s", "1", "", "", null, Options.of(Map.of("type", "none")), Options.of(Map.of("type", "exact")), tasks,
                Path.of("suite"), "sha256:abc");
    }

    private static List<Task> tasks(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Task("t" + i, "say " + i, String.valueOf(i), null, Map.of(), null)).toList();
    }

    @Test
    void eachShardGetsTheTasksItOwnsInSomeEpochInSuiteOrderAndTheCombinerGetsTheOrderOfAll() {
        List<Task> tasks = tasks(20);
        write(manifest, tasks);

        for (int index = 0; index < COUNT; index++) {
            Shard shard = new Shard(index, COUNT);
            List<Task> own = tasks.stream()
                    .filter(task -> IntStream.range(0, EPOCHS).anyMatch(epoch -> shard.owns(task.id(), epoch))).toList();
            assertThat(own).isNotEmpty().hasSizeLessThan(tasks.size());
            assertThat(ShardSlices.read(run, shard, EPOCHS, manifest).orElseThrow().tasks()).isEqualTo(own);
        }
        assertThat(ShardSlices.order(run, manifest)).contains(tasks.stream().map(Task::id).toList());
        assertThat(run.resolve("shards")).as("no temporary file left").isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void filesOfAnotherRunInTheSameDirectoryAreNotRead() {
        write(manifest("2026-12-05T09:00:00Z"), tasks(20));

        assertThat(ShardSlices.read(run, new Shard(0, COUNT), EPOCHS, manifest)).isEmpty();
        assertThat(ShardSlices.order(run, manifest)).isEmpty();
    }

    @Test
    void aSuiteWhoseTasksAreNotPlainDataGetsNoSlicesAndItsShardsLoadIt() {
        List<Task> tasks = List.of(new Task("t0", "", 0.5, null, Map.of(), null), new Task("t1", "", "1", null, Map.of(), null));

        write(manifest, tasks);

        assertThat(run.resolve("shards")).isEmptyDirectory();
        assertThat(ShardSlices.read(run, new Shard(1, COUNT), EPOCHS, manifest)).isEmpty();
    }

    @Test
    void aSliceMissingSomeOfItsShardsTrialsIsDamagedNotAShorterShard() throws IOException {
        write(manifest, tasks(20));
        Path slice = ShardSlices.sliceFile(run, new Shard(1, COUNT));
        List<String> lines = Files.readAllLines(slice);
        Files.write(slice, lines.subList(0, lines.size() - 1)); // cut at a line's end, as a crash before a sync could

        assertThatThrownBy(() -> ShardSlices.read(run, new Shard(1, COUNT), EPOCHS, manifest)).isInstanceOf(InputException.class)
                .hasMessageContaining(slice + ": it holds").hasMessageContaining("the manifest counts");
    }

    @Test
    void withoutTheOrderOfAllTasksNoShardRunsASlice() throws IOException {
        write(manifest, tasks(20));
        Files.delete(run.resolve("shards/tasks.jsonl"));

        assertThat(ShardSlices.read(run, new Shard(0, COUNT), EPOCHS, manifest)).as("it could not combine the run").isEmpty();
    }

    @Test
    void aDamagedSliceIsOneLineNamingItAndHowToGoOn() throws IOException {
        write(manifest, tasks(20));
        Path slice = ShardSlices.sliceFile(run, new Shard(2, COUNT));
        Files.writeString(slice, Files.readString(slice) + "{\"id\":\"t99\",\"prompt\n");

        assertThatThrownBy(() -> ShardSlices.read(run, new Shard(2, COUNT), EPOCHS, manifest)).isInstanceOf(InputException.class)
                .hasMessageContaining(slice.toString())
                .extracting(e -> ((InputException) e).hint()).asString().contains("delete that file and the shard loads the suite itself");
    }

    @Test
    void anOrderFileHoldingOtherThanTaskIdsIsOneLineSayingTheRunWasEdited() throws IOException {
        write(manifest, tasks(20));
        Path order = run.resolve("shards/tasks.jsonl");
        Files.writeString(order, Files.readString(order) + "{\"id\": \"t20\"}\n");

        assertThatThrownBy(() -> ShardSlices.order(run, manifest)).isInstanceOf(InputException.class)
                .hasMessageContaining(order + ": expected a task id, a JSON string, at line 22")
                .extracting(e -> ((InputException) e).hint()).asString().contains("the run directory was edited");
    }
}
