package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.run.TrialCodec;
import io.assay.core.testing.SuiteFiles;
import io.assay.core.testing.TestingPlugin;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run split into shards ({@link RunSettings.Builder#shard}), each run as a separate run through
 * the facade as separate processes would: the same trials and the same summary as one process.
 */
class TestShardedRuns {
    private static final int TASKS = 14;
    private static final int EPOCHS = 4;
    private static final long SEED = 7;

    @TempDir
    Path temp;

    private final Assay assay = Assay.open(List.of());
    private Path suite;

    @BeforeEach
    void writeSuite() {
        // "coin" answers by its trial's seed: errors, passes and failures; tasks are "easy" or "hard".
        suite = SuiteFiles.write(temp.resolve("suite"), "numbers", TASKS, "{type: equals}");
    }

    private RunSettings.Builder settings(Path out) {
        return RunSettings.builder(suite, "coin").epochs(EPOCHS).seed(SEED).out(out).baselines(true);
    }

    private RunResult shard(Path out, int index, int count) throws Exception {
        return assay.start(settings(out).concurrency(3).shard(new Shard(index, count)).build()).execute(ProgressListener.NONE);
    }

    /** One process, one trial at a time: trials recorded epoch by epoch, tasks in suite order. */
    private RunReport single() throws Exception {
        Path out = temp.resolve("single");
        assay.start(settings(out).concurrency(1).build()).execute(ProgressListener.NONE);
        return RunReport.of(out);
    }

    private static List<String> trialsOf(RunReport report) {
        List<String> trials = new ArrayList<>();
        report.forEachTrial(t -> trials.add(t.task() + "#" + t.epoch() + " seed " + t.seed() + " " + t.outcome() + " " + t.score()));
        return trials;
    }

    private void assertCombinedEqualsSingle(Path run) throws Exception {
        RunReport single = single();
        RunReport sharded = RunReport.of(run);
        assertThat(single.summary().errors()).as("the suite has errors, passes and failures").isPositive();
        assertThat(single.summary().passRate()).isStrictlyBetween(0.0, 1.0);
        // Every field, each double to the last bit (records compare ci95 arrays by identity, JSON by value).
        assertThat(sharded.summaryJson()).isEqualTo(single.summaryJson());
        assertThat(sharded.summary().passAtK()).isEqualTo(single.summary().passAtK()).hasSize(EPOCHS);
        assertThat(sharded.summary().segments().get("level")).containsOnlyKeys("easy", "hard");
        assertThat(Files.readString(run.resolve("summary.json"))).isEqualTo(Files.readString(single.directory().resolve("summary.json")));
        assertThat(sharded.summaryJson()).isEqualTo(Files.readString(run.resolve("summary.json")).strip());
        assertThat(RunReport.completed(run).summaryJson()).as("as the combining shard recorded it").isEqualTo(sharded.summaryJson());
        assertThat(trialsOf(sharded)).as("every trial once, as one process records them").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(trialsOf(single));
        assertThat(sharded.manifest().status()).isEqualTo(Manifest.COMPLETED);
        assertThat(sharded.manifest().baselines()).as("the baselines the first shard computed, as one process does")
                .isNotEmpty().isEqualTo(single.manifest().baselines());
        assertThat(run.resolve("shards")).isDirectoryNotContaining("glob:**.jsonl").isDirectoryNotContaining("glob:**.tally");
        assertThat(RunProgress.of(run).shardsDone()).isEqualTo(3);
    }

    @Test
    void assignmentDependsOnTaskEpochAndCountAloneAndCoversEveryTrialOnce() {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tasks.add("task-" + i);
        }
        for (int count = 1; count <= 7; count++) {
            Map<String, Integer> first = new HashMap<>();
            int[] sizes = new int[count];
            for (int epoch = 0; epoch < 3; epoch++) {
                for (String task : tasks) {
                    int owners = 0;
                    for (int index = 0; index < count; index++) {
                        if (new Shard(index, count).owns(task, epoch)) {
                            owners++;
                            sizes[index]++;
                        }
                    }
                    assertThat(owners).as("%s epoch %d of %d shards", task, epoch, count).isEqualTo(1);
                    first.put(task + "#" + epoch, Shard.of(task, epoch, count));
                }
            }
            List<String> shuffled = new ArrayList<>(first.keySet());
            Collections.shuffle(shuffled, new Random(count));
            for (String trial : shuffled) {
                String[] parts = trial.split("#");
                assertThat(Shard.of(parts[0], Integer.parseInt(parts[1]), count)).isEqualTo(first.get(trial));
            }
            int fair = 1500 / count;
            assertThat(Arrays.stream(sizes).boxed().toList()).as("no shard is left empty").allMatch(size -> size > fair / 2);
        }
        // Pinned: the assignment is part of the run directory format; shards of one run may run different builds.
        assertThat(List.of(Shard.of("t0", 0, 3), Shard.of("t1", 0, 3), Shard.of("t0", 1, 3), Shard.of("task-42", 2, 5)))
                .isEqualTo(PINNED);
    }

    private static final List<Integer> PINNED = List.of(1, 0, 0, 4);

    @Test
    void parseAcceptsIOfNAndRefusesEverythingElse() {
        assertThat(Shard.parse("2/5")).isEqualTo(new Shard(2, 5));
        assertThat(Shard.parse("0/1").name()).isEqualTo("0-of-1");
        for (String bad : List.of("3/3", "-1/2", "1/0", "x", "1", "1/2/3", "a/b", "")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("--shard must be I/N with 0 <= I < N");
        }
    }

    @Test
    void threeShardsRunOneAfterAnotherGiveTheSingleProcessRun() throws Exception {
        Path run = temp.resolve("run");
        List<RunResult> shards = new ArrayList<>();
        for (int index : new int[] {2, 0, 1}) {
            shards.add(shard(run, index, 3));
            assertThat(Files.exists(run.resolve("trials.jsonl"))).isEqualTo(index == 1);
        }

        assertThat(shards).allMatch(result -> result.status().equals(Manifest.COMPLETED));
        assertThat(shards.stream().mapToLong(result -> result.summary().trials()).sum()).isEqualTo(TASKS * EPOCHS);
        assertCombinedEqualsSingle(run);
    }

    @Test
    void aFinishedShardLeavesTheTallyOfItsFileWhichTheCombinationAddsUp() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);

        List<String> tally = Files.readAllLines(run.resolve("shards/0-of-3.tally"));
        assertThat(tally.getFirst()).startsWith("{\"bytes\": " + Files.size(run.resolve("shards/0-of-3.jsonl")) + ", \"crc32c\": ");
        long lines = Files.readAllLines(run.resolve("shards/0-of-3.jsonl")).size();
        assertThat(tally.get(1)).startsWith("{\"trials\":" + lines + ",");

        shard(run, 1, 3);
        shard(run, 2, 3);
        assertCombinedEqualsSingle(run);
    }

    @Test
    void aTallyThatFitsItsFileIsAddedUpWithoutReadingTheFile() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);
        shard(run, 1, 3);
        // Shard 0's first trial renamed to a task the suite lacks, which reading the file would refuse;
        // its tally's header then made to fit the edited file, so only the tally can be what is used.
        Path file = run.resolve("shards/0-of-3.jsonl");
        String trials = Files.readString(file);
        String first = trials.substring(0, trials.indexOf('\n'));
        String renamed = first.replaceFirst("\"task\": ?\"[^\"]+\"", "\"task\": \"not-in-the-suite\"");
        Files.writeString(file, renamed + trials.substring(first.length()));
        CRC32C crc = new CRC32C();
        crc.update(Files.readAllBytes(file));
        Path tally = run.resolve("shards/0-of-3.tally");
        Files.writeString(tally, Files.readString(tally).replaceFirst("\\{\"bytes\": \\d+, \"crc32c\": \\d+",
                "{\"bytes\": " + Files.size(file) + ", \"crc32c\": " + crc.getValue()));

        shard(run, 2, 3);

        assertThat(Files.readString(run.resolve("trials.jsonl"))).contains("not-in-the-suite");
        assertThat(RunReport.completed(run).summaryJson()).as("the tally's figures, from before the edit")
                .isEqualTo(single().summaryJson());
    }

    @Test
    void aShardWithoutATallyIsReadFromItsFile() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);
        shard(run, 1, 3);
        Files.delete(run.resolve("shards/1-of-3.tally"));

        shard(run, 2, 3);

        assertCombinedEqualsSingle(run);
    }

    @Test
    void aShardFileEditedAfterItsShardFinishedIsReadAgainAndATrialOfAnotherShardRefused() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);
        shard(run, 1, 3);
        // Shard 1's first trial copied into shard 0's file: its tally no longer fits it.
        String stray = Files.readAllLines(run.resolve("shards/1-of-3.jsonl")).getFirst();
        Files.writeString(run.resolve("shards/0-of-3.jsonl"), stray + "\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> shard(run, 2, 3)).isInstanceOf(InputException.class)
                .hasMessageContaining("0-of-3.jsonl holds task").hasMessageContaining("which belongs to another shard");
        assertThat(run.resolve("trials.jsonl")).doesNotExist();
    }

    @Test
    void threeShardsRunAtOnceGiveTheSingleProcessRun() throws Exception {
        Path run = temp.resolve("run");
        List<Future<RunResult>> shards = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            for (int index = 0; index < 3; index++) {
                int shard = index;
                shards.add(threads.submit(() -> shard(run, shard, 3)));
            }
        }
        for (Future<RunResult> shard : shards) {
            assertThat(shard.get().status()).isEqualTo(Manifest.COMPLETED);
        }
        assertCombinedEqualsSingle(run);
    }

    @Test
    void aShardKilledMidRunResumesItsOwnFileAndTheRunHasEveryTrialOnce() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);
        shard(run, 1, 3);
        // Kill shard 1 after the fact: keep 3 of its lines and half of a fourth, and unmark it done.
        Path file = run.resolve("shards/1-of-3.jsonl");
        List<String> lines = Files.readAllLines(file);
        String torn = lines.get(3).substring(0, lines.get(3).length() / 2);
        Files.writeString(file, String.join("\n", lines.subList(0, 3)) + "\n" + torn);
        Files.delete(run.resolve("shards/1-of-3.done"));
        shard(run, 2, 3);
        assertThat(RunReport.manifestOf(run).status()).as("shard 1 is not done").isEqualTo(Manifest.RUNNING);
        assertThat(RunReport.of(run).summary().trials()).isEqualTo(TASKS * EPOCHS - lines.size() + 3);

        RunResult resumed = shard(run, 1, 3);

        assertThat(resumed.trialsRun()).isEqualTo(lines.size() - 3);
        assertThat(resumed.summary().trials()).isEqualTo(lines.size());
        assertCombinedEqualsSingle(run);
    }

    @Test
    void theCombinationJoinsWholeLinesOnlyAndSkipsBlankOnes() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);
        shard(run, 1, 3);
        // Shard 0's file ends in a blank line and a torn one (it is not the shard that combines, so
        // nothing repairs it before the combination reads it).
        Path file = run.resolve("shards/0-of-3.jsonl");
        String torn = "{\"suite\": \"s\", \"task\": \"t1\", \"ep";
        Files.writeString(file, "\n" + torn, StandardOpenOption.APPEND);

        shard(run, 2, 3);

        String combined = Files.readString(run.resolve("trials.jsonl"));
        assertThat(combined).doesNotContain(torn).endsWith("\n");
        assertThat(combined.lines().filter(line -> !line.isBlank()).count()).isEqualTo(TASKS * EPOCHS);
        assertCombinedEqualsSingle(run);
    }

    @Test
    void aShardStartedAgainOnACombinedRunChangesNothing() throws Exception {
        Path run = temp.resolve("run");
        for (int index = 0; index < 3; index++) {
            shard(run, index, 3);
        }
        String trials = Files.readString(run.resolve("trials.jsonl"));

        RunResult again = shard(run, 1, 3);

        assertThat(again.status()).isEqualTo(Manifest.COMPLETED);
        assertThat(again.trialsRun()).isZero();
        assertThat(Files.readString(run.resolve("trials.jsonl"))).isEqualTo(trials);
        assertCombinedEqualsSingle(run);
    }

    @Test
    void aCombinationCutShortBeforeItsCommitIsReadFromTheShardsAndRedoneByAnyShard() throws Exception {
        Path run = temp.resolve("run");
        for (int index = 0; index < 3; index++) {
            shard(run, index, 3);
        }
        String combined = Files.readString(run.resolve("trials.jsonl"));
        // Back to a crash after trials.jsonl was renamed into place but before the manifest said completed.
        for (String line : combined.lines().toList()) {
            TrialRecord trial = TrialCodec.decode(line).record();
            Path file = run.resolve("shards/" + Shard.of(trial.task(), trial.epoch(), 3) + "-of-3.jsonl");
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Path manifest = run.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"status\" : \"completed\"", "\"status\" : \"running\""));

        assertThat(RunReport.of(run).summary().trials()).as("no trial counted twice").isEqualTo(TASKS * EPOCHS);
        assertThat(RunProgress.of(run).trials()).isEqualTo(TASKS * EPOCHS);
        assertThatThrownBy(() -> RunFollower.open(run)).hasMessageContaining("is still sharded: 3 of 3 shards done");

        assertThat(shard(run, 0, 3).trialsRun()).isZero();

        assertThat(Files.readString(run.resolve("trials.jsonl"))).as("the same order, whoever combines").isEqualTo(combined);
        assertCombinedEqualsSingle(run);
    }

    @Test
    void aShardRunningInAnotherProcessIsRefusedAndItsFileLeftAlone() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);
        Path file = run.resolve("shards/1-of-3.jsonl");
        String writing = "{\"task\": \"t1\", \"ep"; // a line the running shard is half-way through
        Files.writeString(file, writing);
        assertThat(RunProgress.running(run, new Shard(1, 3))).as("no process holds shard 1 yet").isFalse();
        Process other = holdInAnotherProcess(run.resolve("shards/1-of-3.lock"));
        try {
            assertThat(RunProgress.running(run, new Shard(1, 3))).as("the other process runs shard 1").isTrue();
            assertThat(RunProgress.running(run, new Shard(2, 3))).isFalse();
            assertThatThrownBy(() -> shard(run, 1, 3)).isInstanceOf(InputException.class)
                    .hasMessage("shard 1/3 of " + run + " is already running in another process");
            assertThat(Files.readString(file)).as("not cut, nothing appended").isEqualTo(writing);
        } finally {
            other.destroy();
            other.waitFor();
        }
        // Its process gone, the lock goes with it: the shard starts again; so does it once a run here ends.
        assertThat(RunProgress.running(run, new Shard(1, 3))).as("its process gone, nobody holds it").isFalse();
        try (PreparedRun prepared = assay.start(settings(run).shard(new Shard(1, 3)).build())) {
            assertThat(RunProgress.running(run, new Shard(1, 3))).as("a run in this process holds it").isTrue();
            assertThatThrownBy(() -> shard(run, 1, 3)).isInstanceOf(InputException.class)
                    .hasMessageContaining("is already running in another process");
        }
        assertThat(shard(run, 1, 3).status()).isEqualTo(Manifest.COMPLETED);
        assertThat(shard(run, 2, 3).status()).isEqualTo(Manifest.COMPLETED);
        assertCombinedEqualsSingle(run);
    }

    /** A separate JVM holding the lock on {@code file} until it is destroyed; returns once it holds it. */
    private Process holdInAnotherProcess(Path file) throws Exception {
        Path source = temp.resolve("Hold.java");
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("held");
                        System.out.flush();
                        Thread.sleep(Long.MAX_VALUE);
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, source.toString(), file.toString()).redirectErrorStream(true).start();
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
        assertThat(first).as("the other process holds the lock").isEqualTo("held");
        return process;
    }

    @Test
    void aShardOfAnotherRunIsRefusedNamingWhatDiffers() throws Exception {
        Path run = temp.resolve("run");
        shard(run, 0, 3);

        assertThatThrownBy(() -> assay.start(settings(run).epochs(2).shard(new Shard(1, 3)).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("other epochs (4, this shard: 2)");
        assertThatThrownBy(() -> assay.start(settings(run).seed(8).shard(new Shard(1, 3)).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("other seed");
        assertThatThrownBy(() -> assay.start(settings(run).shard(new Shard(1, 4)).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("other shards (3, this shard: 4)");
        assertThatThrownBy(() -> assay.start(RunSettings.builder(suite, "answer").epochs(EPOCHS).seed(SEED).out(run)
                .shard(new Shard(1, 3)).build())).isInstanceOf(InputException.class).hasMessageContaining("other agent");
        assertThatThrownBy(() -> assay.start(settings(run).build()))
                .as("one process into a sharded run").isInstanceOf(InputException.class).hasMessageContaining("already holds a run");
        assertThatThrownBy(() -> assay.resume(run, null, null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("is a run split into 3 shards");
        Path single = temp.resolve("single-run");
        assay.start(settings(single).build()).execute(ProgressListener.NONE);
        assertThatThrownBy(() -> assay.start(settings(single).shard(new Shard(0, 2)).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("other shards (\"none\", this shard: 2)");
        assertThat(single.resolve("shards")).as("a refused shard leaves the run as it was").doesNotExist();
        assertThatThrownBy(() -> settings(null).shard(new Shard(0, 2)).build())
                .isInstanceOf(InputException.class).hasMessageContaining("--shard 0/2 needs --out");

        assertThat(shard(run, 1, 3).status()).as("another concurrency is the same run").isEqualTo(Manifest.COMPLETED);
    }

    /**
     * Shard I of 3 of a run of {@code suite}, whose "counting" check records every task it grades;
     * with {@code prepared}, as the Slurm executor starts its array tasks.
     */
    private static Function<Integer, RunSettings> countedShards(Path suite, Path run, boolean prepared) {
        return index -> RunSettings.builder(suite, "answer").out(run).shard(new Shard(index, 3)).preparedTasks(prepared).build();
    }

    @Test
    void aShardStartedWithPreparedTasksRunsTheTasksItsCreatorCheckedAndSlicedForItAsTheyWereThen() throws Exception {
        Path counted = SuiteFiles.write(temp.resolve("counted"), "numbers", TASKS, "{type: counting}");
        Path run = temp.resolve("run");
        Function<Integer, RunSettings> shardOf = countedShards(counted, run, true);

        TestingPlugin.GRADED.clear();
        assay.start(shardOf.apply(0)).close(); // as the Slurm executor's submitting command prepares a run
        assertThat(TestingPlugin.GRADED).as("the process that writes the manifest grades every reference")
                .hasSize(TASKS).doesNotHaveDuplicates();
        assertThat(run.resolve("shards/1-of-3.tasks.jsonl")).as("and writes every shard its tasks").exists();

        TestingPlugin.GRADED.clear();
        // Edited past loading: a shard that loaded the suite could not start.
        Files.writeString(counted.resolve("suite.yaml"), "not: a suite any more\n");
        for (int index = 0; index < 3; index++) {
            assertThat(assay.start(shardOf.apply(index)).execute(ProgressListener.NONE).status()).isEqualTo(Manifest.COMPLETED);
        }

        assertThat(TestingPlugin.GRADED).as("the shards grade their trials, no reference again")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, TASKS).mapToObj(i -> "t" + i).toList());
        RunReport report = RunReport.of(run);
        assertThat(report.manifest().status()).isEqualTo(Manifest.COMPLETED);
        assertThat(report.summary().trials()).isEqualTo(TASKS);
        assertThat(report.summary().passRate()).isEqualTo(1.0);
        assertThat(run.resolve("shards")).as("the slices go with the shard files").isDirectoryNotContaining("glob:**.jsonl");
    }

    @Test
    void aShardStartedByHandLoadsTheSuiteGradingItsOwnReferencesAloneAndRefusesAnEditedSuite() throws Exception {
        Path counted = SuiteFiles.write(temp.resolve("counted"), "numbers", TASKS, "{type: counting}");
        Path run = temp.resolve("run");
        Function<Integer, RunSettings> shardOf = countedShards(counted, run, false);
        assay.start(shardOf.apply(0)).close();
        // The slices are there, but nothing vouches that the suite this shard names is the one checked.
        assertThat(run.resolve("shards/1-of-3.tasks.jsonl")).exists();

        TestingPlugin.GRADED.clear();
        assay.start(shardOf.apply(1)).close();
        List<String> own = IntStream.range(0, TASKS).mapToObj(i -> "t" + i).filter(task -> Shard.of(task, 0, 3) == 1).toList();
        assertThat(own).isNotEmpty().hasSizeLessThan(TASKS);
        assertThat(TestingPlugin.GRADED).as("a shard joining the run grades its own tasks' references alone")
                .containsExactlyElementsOf(own);

        Path tasks = counted.resolve("tasks.jsonl");
        Files.writeString(tasks, Files.readString(tasks).replace("\"answer\":\"3\"", "\"answer\":\"three\""));
        assertThatThrownBy(() -> assay.start(shardOf.apply(2)))
                .as("the references it did not grade are trusted only for the suite content the manifest pins")
                .isInstanceOf(InputException.class).hasMessageContaining("other suite content hash");
    }

    @Test
    void aRunWithShardsStillGoingReportsTheirTrialsAndWhatIsMissing() throws Exception {
        Path run = temp.resolve("run");
        RunResult first = shard(run, 1, 3);

        RunReport report = RunReport.of(run);
        RunProgress progress = RunProgress.of(run);

        assertThat(report.summary().trials()).isEqualTo(first.summary().trials()).isPositive();
        assertThat(report.summary().expectedTrials()).isEqualTo(TASKS * EPOCHS);
        assertThat(report.manifest().shards().expectedTrials()).hasSize(3);
        List<TrialRecord> trials = new ArrayList<>();
        report.forEachTrial(trials::add);
        assertThat(trials).hasSize((int) first.summary().trials()).allMatch(t -> new Shard(1, 3).owns(t.task(), t.epoch()));
        assertThat(progress.status()).isEqualTo(Manifest.RUNNING);
        assertThat(progress.trials()).isEqualTo(first.summary().trials());
        assertThat(progress.shards()).extracting(RunProgress.ShardProgress::finished).containsExactly(false, true, false);
        assertThat(progress.shards().get(1).trials()).isEqualTo(progress.shards().get(1).expectedTrials());
        assertThatThrownBy(() -> RunFollower.open(run)).isInstanceOf(InputException.class)
                .hasMessageContaining("is still sharded: 1 of 3 shards done");
    }
}
