package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.docker.DockerRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay run --executor slurm} on a real Slurm ({@code scripts/start-slurm.sh}): the shards run
 * as tasks of a job array, each a JVM of its own running this build, in the run directory they share.
 */
@ExtendWith(SlurmRequirement.class)
class TestSlurmExecutor {
    private static final String PREDICTIONS = "file=" + Path.of(example("arithmetic")).resolve("predictions.jsonl");

    @TempDir
    Path temp;

    @Test
    void threeShardsGiveTheSummaryOfOneProcessWithTheSameSeed() throws Exception {
        Path local = temp.resolve("local");
        Path sharded = temp.resolve("sharded");
        CliResult one = run("run", example("arithmetic"), "--agent", "scripted", "-A", PREDICTIONS, "--epochs", "2",
                "--seed", "7", "--out", local.toString(), "--progress", "none");
        CliResult three = run("run", example("arithmetic"), "--agent", "scripted", "-A", PREDICTIONS, "--epochs", "2",
                "--seed", "7", "--out", sharded.toString(), "--progress", "none", "--executor", "slurm", "--shards", "3");

        assertThat(three.exitCode()).as(three.err()).isEqualTo(one.exitCode());
        assertThat(three.err()).contains("Submitted Slurm job").contains("3 shards of arithmetic");
        assertThat(three.out()).isEqualTo(one.out().replace(local.toString(), sharded.toString()));
        assertThat(Json.MAPPER.readTree(sharded.resolve("summary.json").toFile()))
                .isEqualTo(Json.MAPPER.readTree(local.resolve("summary.json").toFile()));
        assertThat(Json.MAPPER.readTree(sharded.resolve("manifest.json").toFile()).path("status").asText()).isEqualTo("completed");
        assertThat(trialSeeds(sharded)).isEqualTo(trialSeeds(local)).hasSize(40);
        for (int index = 0; index < 3; index++) {
            int shard = index;
            // Each shard ran in its own task, or in a task that took it while its own still waited for a CPU.
            assertThat(sharded.resolve("slurm")).satisfiesAnyOf(
                    slurm -> assertThat(slurm).isDirectoryContaining("glob:**/shard-" + shard + ".*.log"),
                    slurm -> assertThat(slurm.resolve("shard-" + shard + ".claim")).exists());
        }
    }

    @Test
    void aTaskDoneWithItsShardTakesTheShardsWhoseTasksStillWaitAndTheirTasksAreCancelled() throws Exception {
        Path out = temp.resolve("taken");
        // --exclusive: one task on the node at a time, so tasks 1 and 2 wait while task 0 runs (0.4 s a trial, 7 trials a shard).
        CliResult result = run("run", example("arithmetic"), "--agent", "sleep", "-A", "ms=400", "--concurrency", "1",
                "--out", out.toString(), "--progress", "none", "--executor", "slurm", "--shards", "3", "--slurm-option=--exclusive");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("Resubmitted");
        assertThat(trialSeeds(out)).hasSize(20);
        String job = Files.readAllLines(out.resolve("slurm").resolve("jobs")).getFirst();
        assertThat(Files.readString(out.resolve("slurm/shard-1.claim")).strip()).isEqualTo(job + "_0");
        assertThat(Files.readString(out.resolve("slurm/shard-2.claim")).strip()).isEqualTo(job + "_0");
        Process squeue = new ProcessBuilder("squeue", "--noheader", "--array", "--states=all", "--jobs=" + job, "--format=%K %T")
                .redirectErrorStream(true).start();
        String states = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        squeue.waitFor();
        // Tasks cancelled before they started are listed together, as the array's record ("N/A CANCELLED").
        assertThat(states.lines().map(String::strip).filter(line -> !line.endsWith(" CANCELLED")).toList()).as(states)
                .containsExactly("0 COMPLETED");
        assertThat(out.resolve("slurm")).isDirectoryNotContaining("glob:**/shard-1.*.log").isDirectoryNotContaining("glob:**/shard-2.*.log");
    }

    @Test
    void aShardCancelledMidRunIsSubmittedAgainAndEveryTrialRunsOnce() throws Exception {
        Path out = temp.resolve("cancelled");
        CompletableFuture<CliResult> submitted = CompletableFuture.supplyAsync(() -> run("run", example("arithmetic"),
                "--agent", "sleep", "-A", "ms=400", "--concurrency", "1", "--out", out.toString(), "--progress", "none",
                "--executor", "slurm", "--shards", "2"));
        Path shardFile = out.resolve("shards").resolve("0-of-2.jsonl");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.exists(shardFile) && Files.readAllLines(shardFile).size() >= 2)) {
            assertThat(System.nanoTime()).as("shard 0 recorded two trials within 2 minutes").isLessThan(deadline);
            assertThat(submitted).as("the submitting command still waits").isNotDone();
            Thread.sleep(100);
        }
        String job = firstJob(out.resolve("slurm"));
        Process scancel = new ProcessBuilder("scancel", job + "_0").redirectErrorStream(true).start();
        assertThat(scancel.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(scancel.exitValue()).as(new String(scancel.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        CliResult result = submitted.get(5, TimeUnit.MINUTES);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Resubmitted shard 0 of 2 as Slurm job").contains("shard 0: CANCELLED");
        List<String> lines = Files.readAllLines(out.resolve("trials.jsonl"));
        assertThat(trialSeeds(out)).hasSize(20);
        assertThat(lines).hasSize(20);
        assertThat(Json.MAPPER.readTree(out.resolve("summary.json").toFile()).path("trials").asInt()).isEqualTo(20);
    }

    @Test
    void ctrlCCancelsTheJobArrayAndLeavesTheRunResumable() throws Exception {
        Path out = temp.resolve("interrupted");
        Process submitting = assay(System.getenv("PATH"), "run", example("arithmetic"), "--agent", "sleep", "-A", "ms=400",
                "--concurrency", "1", "--out", out.toString(), "--progress", "none", "--executor", "slurm", "--shards", "2");
        Path shardFile = out.resolve("shards").resolve("0-of-2.jsonl");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.exists(shardFile) && !Files.readAllLines(shardFile).isEmpty())) {
            assertThat(System.nanoTime()).as("shard 0 recorded a trial within 2 minutes").isLessThan(deadline);
            assertThat(submitting.isAlive()).as("the submitting command still waits").isTrue();
            Thread.sleep(100);
        }
        String job = firstJob(out.resolve("slurm"));

        new ProcessBuilder("kill", "-INT", Long.toString(submitting.pid())).start().waitFor();
        assertThat(submitting.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(submitting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(submitting.exitValue()).as(output).isEqualTo(130);
        assertThat(output).contains("Interrupted: cancelled Slurm job " + job);
        Process squeue = new ProcessBuilder("squeue", "--noheader", "--jobs=" + job).redirectErrorStream(true).start();
        String queued = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        squeue.waitFor();
        assertThat(queued).as("the array's tasks are gone from the queue").doesNotContain(" R ").doesNotContain(" PD ");
        // Resumable: submitting the same command again is what aShardFailingOnEverySubmission... shows.
        assertThat(Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("status").asText()).isEqualTo("running");
        assertThat(output).contains("Resume with: assay run " + example("arithmetic"));
    }

    @Test
    @ExtendWith(DockerRequirement.class)
    void aSandboxedSuiteRunsOverTwoShards() throws Exception {
        Path out = temp.resolve("terminal");
        // Two of the examples, one for each shard (deploy-layout is shard 0's, count-errors shard 1's), keep it short.
        CliResult result = run("run", example("terminal"), "--agent", "oracle", "--task", "deploy-layout", "--task", "count-errors",
                "--out", out.toString(), "--progress", "none", "--executor", "slurm", "--shards", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("trials").asInt()).isEqualTo(summary.path("expected_trials").asInt()).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("shards").path("expected_trials"))
                .hasToString("[1,1]");
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(summary.path("score").path("mean").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aNewRunThatCannotBePreparedHasItsJobCancelledAndLeavesNothing() throws Exception {
        Path out = temp.resolve("unprepared");
        // A new run is submitted before its suite is loaded and its agent created: this agent does not exist.
        CliResult result = run("run", example("arithmetic"), "--agent", "no-such-agent", "--out", out.toString(),
                "--progress", "none", "--executor", "slurm", "--shards", "2");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("error:")).toList()).singleElement().asString()
                .contains("no-such-agent");
        assertThat(result.err()).doesNotContain("Submitted Slurm job");
        assertThat(out).doesNotExist();
        Process squeue = new ProcessBuilder("squeue", "--noheader", "--states=PENDING,RUNNING,COMPLETING", "--name=assay-unprepared")
                .redirectErrorStream(true).start();
        String left = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        squeue.waitFor();
        assertThat(left).as("the run's job, submitted before it was prepared, is cancelled").isBlank();
        Process cancelled = new ProcessBuilder("squeue", "--noheader", "--states=CANCELLED", "--name=assay-unprepared")
                .redirectErrorStream(true).start();
        String submitted = new String(cancelled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        cancelled.waitFor();
        assertThat(submitted).as("it was submitted before the run was prepared").isNotBlank();
    }

    @Test
    void detachReturnsAfterSubmittingAndStatusFollowsTheRun() throws Exception {
        Path out = temp.resolve("detached");
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--out", out.toString(), "--progress", "none",
                "--executor", "slurm", "--shards", "2", "--detach");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Submitted Slurm job").contains("Follow it with: assay status " + out);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!"completed".equals(Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("status").asText())) {
            assertThat(System.nanoTime()).as("the shards combined the run within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
        CliResult status = run("status", out.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("completed").contains("20");
    }

    @Test
    void aShardFailingOnEverySubmissionStopsTheCommandAndLeavesTheRunResumable() throws Exception {
        Path out = temp.resolve("failing");
        // The tasks' JVMs refuse to start, as on a node without a usable Java: every submission of every shard fails.
        CliResult failed = run("run", example("arithmetic"), "--agent", "oracle", "--out", out.toString(), "--progress", "none",
                "--executor", "slurm", "--shards", "2", "--slurm-option=--export=ALL,JAVA_TOOL_OPTIONS=-XX:+NoSuchOption");

        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(2);
        List<String> errors = failed.err().lines().filter(line -> line.startsWith("error:")).toList();
        assertThat(errors).singleElement().asString()
                .contains("did not finish in 3 Slurm submissions").contains("its log: " + out.resolve("slurm"));
        assertThat(Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("status").asText()).isEqualTo("running");

        CliResult resumed = run("run", example("arithmetic"), "--agent", "oracle", "--out", out.toString(), "--progress", "none",
                "--executor", "slurm", "--shards", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(trialSeeds(out)).hasSize(20);
    }

    @Test
    void aJobSubmittedButNotRecordedBeforeACrashIsFoundByItsTagAndASecondSubmissionRefused() throws Exception {
        Path out = temp.resolve("unrecorded");
        String[] command = {"run", example("arithmetic"), "--agent", "sleep", "-A", "ms=400", "--concurrency", "1",
                "--out", out.toString(), "--progress", "none", "--executor", "slurm", "--shards", "2"};
        CliResult detached = run(Stream.concat(Stream.of(command), Stream.of("--detach")).toArray(String[]::new));
        assertThat(detached.exitCode()).as(detached.err()).isZero();
        String job = firstJob(out.resolve("slurm"));
        try {
            // As if the command had died between sbatch returning and writing the job id down.
            Files.delete(out.resolve("slurm").resolve("jobs"));

            CliResult again = run(command);

            assertThat(again.exitCode()).as(again.err()).isEqualTo(2);
            assertThat(again.err().lines().filter(line -> line.startsWith("error:")).toList()).singleElement().asString()
                    .contains("as Slurm task " + job + "_").contains("from an earlier submission");
        } finally {
            new ProcessBuilder("scancel", job).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void submittingAgainAfterTheSuiteWasEditedIsRefused() throws Exception {
        Path suite = temp.resolve("arithmetic");
        Files.createDirectories(suite);
        for (String file : List.of("suite.yaml", "tasks.jsonl")) {
            Files.copy(Path.of(example("arithmetic")).resolve(file), suite.resolve(file));
        }
        Path out = temp.resolve("edited");
        String[] command = {"run", suite.toString(), "--agent", "oracle", "--out", out.toString(), "--progress", "none",
                "--executor", "slurm", "--shards", "2"};
        // Submitted held, then cancelled: prepared, with each shard's tasks written, and nothing run.
        CliResult held = run(Stream.concat(Stream.of(command), Stream.of("--detach", "--slurm-option=--hold")).toArray(String[]::new));
        assertThat(held.exitCode()).as(held.err()).isZero();
        String job = Files.readAllLines(out.resolve("slurm").resolve("jobs")).getFirst();
        new ProcessBuilder("scancel", job).start().waitFor(30, TimeUnit.SECONDS);
        Path tasks = suite.resolve("tasks.jsonl");
        Files.writeString(tasks, Files.readString(tasks).replace("\"answer\": 1.35", "\"answer\": 2.35"));

        CliResult again = run(command);

        assertThat(again.exitCode()).as(again.err()).isEqualTo(2);
        assertThat(again.err().lines().filter(line -> line.startsWith("error:")).toList()).singleElement().asString()
                .contains(out + " holds a run with other suite content hash");
    }

    @Test
    void squeueFailingAFewTimesInARowIsAskedAgainAndTheRunCompletes() throws Exception {
        // An squeue that fails its first three calls, as while the controller restarts, then is Slurm's own.
        Path flaky = Files.createDirectories(temp.resolve("flaky-bin"));
        Path calls = temp.resolve("squeue-calls");
        String real = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "squeue")).filter(Files::isExecutable)
                .findFirst().orElseThrow().toString();
        Files.writeString(flaky.resolve("squeue"), "#!/bin/sh\nn=$(cat " + calls + " 2>/dev/null || echo 0)\necho $((n + 1)) > " + calls
                + "\nif [ \"$n\" -lt 3 ]; then echo 'squeue: error: Socket timed out on send/recv operation' >&2; exit 1; fi\nexec "
                + real + " \"$@\"\n");
        assertThat(flaky.resolve("squeue").toFile().setExecutable(true)).isTrue();
        Path out = temp.resolve("flaky-squeue");

        Process process = assay(flaky + ":" + System.getenv("PATH"), "run", example("arithmetic"), "--agent", "oracle",
                "--out", out.toString(), "--progress", "none", "--executor", "slurm", "--shards", "2");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Integer.parseInt(Files.readString(calls).strip())).as("squeue was asked again after failing").isGreaterThan(3);
        assertThat(trialSeeds(out)).hasSize(20);
    }

    @Test
    void withoutSbatchOnThePathTheCommandSaysSoAndCreatesNothing() throws Exception {
        Path out = temp.resolve("no-sbatch");
        Process process = assay(temp.resolve("empty-path").toString(), "run", example("arithmetic"), "--agent", "oracle",
                "--out", out.toString(), "--executor", "slurm", "--shards", "2");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().filter(line -> line.startsWith("error:")).toList()).singleElement().asString()
                .startsWith("error: sbatch not found on the PATH");
        assertThat(out).doesNotExist();
    }

    /** {@code assay ARGS} in a JVM of its own, with {@code path} as its PATH; stdout and stderr together. */
    private static Process assay(String path, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                AssayCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        return builder.start();
    }

    /** Each trial's seed by task and epoch: equal maps mean the same trials, each once. */
    private static Map<String, Long> trialSeeds(Path run) throws IOException {
        Map<String, Long> seeds = new HashMap<>();
        for (String line : Files.readAllLines(run.resolve("trials.jsonl"))) {
            JsonNode trial = Json.MAPPER.readTree(line);
            Long before = seeds.put(trial.path("task").asText() + "#" + trial.path("epoch").asInt(), trial.path("seed").asLong());
            assertThat(before).as("a second trial of " + trial.path("task").asText()).isNull();
        }
        return seeds;
    }

    /** The array job of the first submission, from its tasks' log names (shard-I.JOB.log). */
    private static String firstJob(Path slurm) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try (Stream<Path> logs = Files.list(slurm)) {
                var job = logs.map(log -> log.getFileName().toString()).filter(name -> name.matches("shard-0\\.\\d+\\.log"))
                        .map(name -> name.split("\\.")[1]).findFirst();
                if (job.isPresent()) {
                    return job.get();
                }
            }
            assertThat(System.nanoTime()).as("shard 0's log appears").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
