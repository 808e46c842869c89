package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AssayCommand.class.getName(), "run", example("arithmetic"), "--agent", "sleep", "-A", "ms=400",
                "--concurrency", "2", "--out", out.toString(), "--progress", "none")
                .redirectErrorStream(true).start();
        Path trials = out.resolve("trials.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(trials) && Files.readAllLines(trials).size() >= 2)) {
            assertThat(System.nanoTime()).as("two trials recorded within 60 s").isLessThan(deadline);
            assertThat(process.isAlive()).as("assay run still running").isTrue();
            Thread.sleep(50);
        }

        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

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
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                AssayCommand.class.getName(), "replicate", bundle.toString(), "--sample", "20", "--agent", "sleep", "-A", "ms=400",
                "--concurrency", "2", "--out", out.toString(), "--progress", "none")
                .redirectErrorStream(true).start();
        Path trials = out.resolve("trials.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(trials) && Files.readAllLines(trials).size() >= 2)) {
            assertThat(System.nanoTime()).as("two trials recorded within 60 s").isLessThan(deadline);
            assertThat(process.isAlive()).as("assay replicate still running").isTrue();
            Thread.sleep(50);
        }
        try (var unpacked = Files.list(tmp)) {
            assertThat(unpacked.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("assay-claim-"));
        }

        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(130);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("assay-claim-"));
        }
    }
}
