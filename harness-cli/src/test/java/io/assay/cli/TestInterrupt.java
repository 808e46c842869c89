package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real `assay run` process leaves a run that resumes to exactly one record per trial; on
 * `assay replicate` of a bundle, it leaves no unpacked claim behind.
 */
class TestInterrupt {

    @TempDir
    Path temp;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrlCStopsCleanlyAndTheRunResumes() throws Exception {
        Path out = temp.resolve("run");
        Process process = startUntilTwoTrials(out, List.of(), "run", example("arithmetic"));
        Path trials = out.resolve("trials.jsonl");

        String output = interrupt(process);

        assertThat(process.exitValue()).as(output).isEqualTo(130);
        assertThat(output).contains("Resume with: assay run --resume " + out);
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("interrupted");
        int tasks = manifest.path("suite").path("tasks").asInt();
        assertThat(Files.readAllLines(trials)).hasSizeLessThan(tasks).allMatch(line -> line.contains("\"outcome\":\"completed\""));

        CliResult resumed = run("run", "--resume", out.toString(), "--concurrency", "8", "--progress", "none");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<String> lines = Files.readAllLines(trials);
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            JsonNode trial = Json.MAPPER.readTree(line);
            keys.add(trial.path("task").asText() + "#" + trial.path("epoch").asInt());
        }
        assertThat(lines).hasSize(tasks);
        assertThat(keys).hasSize(tasks);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrlCDuringTheReplicationOfABundleRemovesTheUnpackedClaimBeforeExiting() throws Exception {
        Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "oracle");
        Path key = temp.resolve("signing.pem");
        Path bundle = temp.resolve("claim.zip");
        assertThat(run("keys", "generate", "--out", key.toString()).exitCode()).isZero();
        assertThat(run("bundle", claim.toString(), "--key", key.toString(), "--out", bundle.toString()).exitCode()).isZero();
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Path out = temp.resolve("replication");
        Process process = startUntilTwoTrials(out, List.of("-Djava.io.tmpdir=" + tmp), "replicate", bundle.toString(),
                "--sample", "20");
        try (var unpacked = Files.list(tmp)) {
            assertThat(unpacked.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("assay-claim-"));
        }

        String output = interrupt(process);

        assertThat(process.exitValue()).as(output).isEqualTo(130);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("assay-claim-"));
        }
    }

    /**
     * Starts {@code assay COMMAND...} in its own JVM with the sleep agent (400 ms a trial, two at a
     * time) into {@code out}, and returns once it has recorded two trials.
     */
    private static Process startUntilTwoTrials(Path out, List<String> jvmOptions, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        line.addAll(jvmOptions);
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), AssayCommand.class.getName()));
        line.addAll(List.of(command));
        line.addAll(List.of("--agent", "sleep", "-A", "ms=400", "--concurrency", "2", "--out", out.toString(), "--progress", "none"));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        Path trials = out.resolve("trials.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(trials) && Files.readAllLines(trials).size() >= 2)) {
            assertThat(System.nanoTime()).as("two trials recorded within 60 s").isLessThan(deadline);
            assertThat(process.isAlive()).as("assay %s still running", command[0]).isTrue();
            Thread.sleep(50);
        }
        return process;
    }

    /** Sends Ctrl-C's signal to {@code process} and returns what it printed until it exited. */
    private static String interrupt(Process process) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
