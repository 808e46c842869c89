package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay run --shard I/N} and {@code assay status}, as separate processes of a split run would call them. */
class TestShardCommands {

    @TempDir
    Path temp;

    /** The arithmetic example, scored from its predictions file (some right, some wrong), over 3 epochs. */
    private CliResult runArithmetic(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", example("arithmetic"), "--agent", "scripted",
                "-A", "file=" + Path.of(example("arithmetic")).resolve("predictions.jsonl"), "--epochs", "3", "--seed", "5",
                "--out", out.toString(), "--progress", "none"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void badShardValuesAreOneErrorAndExitCodeTwo() {
        for (String bad : List.of("3/3", "-1/2", "1/0", "x")) {
            CliResult result = runArithmetic(temp.resolve("run"), "--shard=" + bad);

            assertThat(result.exitCode()).as(bad).isEqualTo(2);
            assertThat(result.err()).as(bad).startsWith("error: --shard must be I/N with 0 <= I < N, got ")
                    .doesNotContain("\tat ");
            assertThat(result.err().lines().filter(line -> line.startsWith("error:"))).hasSize(1);
        }
        assertThat(temp.resolve("run")).doesNotExist();
        CliResult noOut = run("run", example("arithmetic"), "--agent", "oracle", "--shard", "0/2");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).startsWith("error: --shard 0/2 needs --out");
        CliResult resume = run("run", "--resume", temp.toString(), "--shard", "0/2");
        assertThat(resume.exitCode()).isEqualTo(2);
        assertThat(resume.err()).startsWith("error: --resume takes its settings from the run's manifest.json; drop --shard");
        CliResult prepared = runArithmetic(temp.resolve("run"), "--prepared-tasks");
        assertThat(prepared.exitCode()).isEqualTo(2);
        assertThat(prepared.err()).startsWith("error: --prepared-tasks is for a shard (--shard I/N) of a run the Slurm executor created");
    }

    @Test
    void threeShardCommandsMakeTheRunOneCommandMakes() throws Exception {
        Path single = temp.resolve("single");
        Path sharded = temp.resolve("sharded");
        assertThat(runArithmetic(single, "--concurrency", "1").exitCode()).isZero();

        CliResult first = runArithmetic(sharded, "--shard", "2/3");
        CliResult second = runArithmetic(sharded, "--shard", "0/3", "--concurrency", "2");
        CliResult last = runArithmetic(sharded, "--shard", "1/3");

        assertThat(List.of(first, second, last)).allSatisfy(shard -> assertThat(shard.exitCode()).as(shard.err()).isZero());
        assertThat(first.err()).contains("Running arithmetic, shard 2/3, with agent scripted")
                .contains("1 of 3 shards done; the last to finish combines them. Progress: assay status " + sharded);
        assertThat(second.err()).contains("2 of 3 shards done");
        assertThat(last.err()).contains("All 3 shards done: " + sharded + " holds the whole run");
        JsonNode expected = Json.MAPPER.readTree(run("report", single.toString(), "--format", "json").out());
        assertThat(expected.path("score").path("mean").asDouble()).isStrictlyBetween(0.0, 1.0);
        assertThat(Json.MAPPER.readTree(run("report", sharded.toString(), "--format", "json").out())).isEqualTo(expected);
        assertThat(Json.MAPPER.readTree(sharded.resolve("summary.json").toFile())).isEqualTo(expected);
        assertThat(Files.readAllLines(sharded.resolve("trials.jsonl"))).hasSize(expected.path("trials").asInt());
        CliResult compare = run("compare", single.toString(), sharded.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
    }

    @Test
    void anArrayTaskDoneWithItsShardRunsTheShardsNoProcessHasBegunAndCombinesTheRun() throws Exception {
        Path single = temp.resolve("single");
        Path sharded = temp.resolve("sharded");
        assertThat(runArithmetic(single).exitCode()).isZero();

        CliResult task = runArithmetic(sharded, "--shard", "1/3", "--prepared-tasks", "--then-unstarted-shards");

        assertThat(task.exitCode()).as(task.err()).isZero();
        assertThat(task.err().lines().filter(line -> line.startsWith("Running ")).toList()).containsExactly(
                "Running arithmetic, shard 1/3, with agent scripted -> " + sharded,
                "Running arithmetic, shard 0/3, with agent scripted -> " + sharded,
                "Running arithmetic, shard 2/3, with agent scripted -> " + sharded);
        assertThat(task.err()).contains("All 3 shards done: " + sharded);
        assertThat(Json.MAPPER.readTree(sharded.resolve("summary.json").toFile()))
                .isEqualTo(Json.MAPPER.readTree(single.resolve("summary.json").toFile()));
        if (System.getenv("SLURM_ARRAY_JOB_ID") == null) {
            assertThat(sharded.resolve("slurm")).as("a claim is recorded for a Slurm task's submitting command only").doesNotExist();
        }
    }

    @Test
    void anArrayTaskWhoseShardStoppedTakesNoOther() throws Exception {
        Path suite = temp.resolve("boxed");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: boxed\nreward: {type: exact}\nenvironment: {type: unavailable}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"a\",\"prompt\":\"p\",\"answer\":\"x\"}\n"
                + "{\"id\":\"b\",\"prompt\":\"p\",\"answer\":\"x\"}\n{\"id\":\"c\",\"prompt\":\"p\",\"answer\":\"x\"}\n");
        Path out = temp.resolve("stopped");

        CliResult task = run("run", suite.toString(), "--agent", "oracle", "--shard", "0/2", "--out", out.toString(),
                "--progress", "none", "--prepared-tasks", "--then-unstarted-shards");

        assertThat(task.exitCode()).as(task.err()).isEqualTo(2);
        assertThat(task.err()).contains("error: run failed").doesNotContain("shard 1/2");
        assertThat(out.resolve("shards/1-of-2.jsonl")).doesNotExist();
    }

    @Test
    void anArrayTaskLeavesTheShardsAnotherProcessHoldsToIt() throws Exception {
        Path out = temp.resolve("held");
        assertThat(runArithmetic(out, "--shard", "0/3", "--prepared-tasks").exitCode()).isZero();
        CliResult task;
        // Shards 1 (the task's own) and 2 running elsewhere, their files still empty: their locks are held.
        try (FileChannel own = FileChannel.open(out.resolve("shards/1-of-3.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ownHeld = own.lock();
             FileChannel other = FileChannel.open(out.resolve("shards/2-of-3.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock otherHeld = other.lock()) {
            task = runArithmetic(out, "--shard", "1/3", "--prepared-tasks", "--then-unstarted-shards");
        }

        assertThat(task.exitCode()).as(task.err()).isZero();
        assertThat(task.err()).contains("Shard 1/3 is run by another process; leaving it to that one.")
                .contains("Shard 2/3 is run by another process; leaving it to that one.").doesNotContain("Running arithmetic");
        assertThat(out.resolve("shards/1-of-3.done")).doesNotExist();
        assertThat(out.resolve("shards/2-of-3.done")).doesNotExist();
        assertThat(runArithmetic(out, "--shard", "1/3", "--prepared-tasks").exitCode()).isZero();
        CliResult last = runArithmetic(out, "--shard", "2/3", "--prepared-tasks");
        assertThat(last.err()).contains("All 3 shards done");
    }

    @Test
    void takingTheShardsNoProcessHasBegunIsForAShardOfARun() {
        CliResult withoutShard = runArithmetic(temp.resolve("run"), "--then-unstarted-shards");

        assertThat(withoutShard.exitCode()).isEqualTo(2);
        assertThat(withoutShard.err()).startsWith("error: --then-unstarted-shards is for a shard (--shard I/N, --out DIR)");
    }

    @Test
    void aShardThatStopsEarlySaysToRunItsCommandAgainNotToResume() throws Exception {
        Path suite = temp.resolve("boxed");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: boxed\nreward: {type: exact}\nenvironment: {type: unavailable}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"a\",\"prompt\":\"p\",\"answer\":\"x\"}\n");
        Path out = temp.resolve("run");

        CliResult result = run("run", suite.toString(), "--agent", "oracle", "--shard", "1/2", "--out", out.toString(),
                "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        // `assay run --resume` refuses a sharded run; running the shard again resumes it.
        assertThat(result.err()).contains("hint: once that is fixed, run its trials with: the same command (assay run ..."
                + " --shard 1/2 --out " + out + ")").doesNotContain("--resume");
    }

    @Test
    void statusShowsARunInOneProcess() throws Exception {
        Path out = temp.resolve("run");
        runArithmetic(out);

        CliResult text = run("status", out.toString());
        JsonNode json = Json.MAPPER.readTree(run("status", out.toString(), "--format", "json").out());

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).isEqualTo("run      " + out + "\nstatus   completed\ntrials   60 of 60 recorded\n");
        assertThat(json.path("status").asText()).isEqualTo("completed");
        assertThat(json.path("trials").asInt()).isEqualTo(60);
        assertThat(json.path("expected_trials").asInt()).isEqualTo(60);
        assertThat(json.path("directory").asText()).isEqualTo(out.toString());
        assertThat(json.path("shards")).isEmpty();
    }

    @Test
    void statusAndReportShowAShardedRunInProgressAndTheReadersOfTrialsJsonlRefuseIt() throws Exception {
        Path out = temp.resolve("run");
        runArithmetic(out, "--shard", "1/3");

        CliResult text = run("status", out.toString());
        JsonNode json = Json.MAPPER.readTree(run("status", out.toString(), "--format", "json").out());
        CliResult report = run("report", out.toString());
        CliResult compare = run("compare", out.toString(), out.toString());

        JsonNode shard = json.path("shards").path(1);
        long done = shard.path("trials").asLong();
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("status   running\ntrials   " + done + " of 60 recorded\nshards   1 of 3 done\n")
                .containsPattern("  0/3 +0 of \\d+ trials\n").contains("  1/3       " + done + " of " + done + " trials  done\n");
        assertThat(shard.path("shard").asText()).isEqualTo("1/3");
        assertThat(shard.path("finished").asBoolean()).isTrue();
        assertThat(json.path("shards")).hasSize(3);
        long expected = 0;
        for (JsonNode each : json.path("shards")) {
            expected += each.path("expected_trials").asLong();
        }
        assertThat(expected).isEqualTo(60);
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("trials     " + done + " of 60 recorded");
        assertThat(compare.exitCode()).isEqualTo(2);
        assertThat(compare.err()).startsWith("error: " + out + " is still sharded: 1 of 3 shards done");

        CliResult notARun = run("status", temp.resolve("nothing").toString());
        assertThat(notARun.exitCode()).isEqualTo(2);
        assertThat(notARun.err()).startsWith("error: " + temp.resolve("nothing") + " is not a run directory");
    }
}
