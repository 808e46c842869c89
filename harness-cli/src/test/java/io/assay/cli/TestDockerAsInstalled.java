package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.launcher.Manifest;
import io.assay.core.run.RunDirectory;
import io.assay.docker.DockerRequirement;
import io.assay.docker.SilentSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker as users have it installed: used with no settings made for Assay, never contacted to
 * validate a suite, and reported in one line, with exit code 2, when it is not there. The
 * {@code assay} processes get only the Docker settings each test names.
 */
class TestDockerAsInstalled {

    @TempDir
    Path temp;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void validatingASandboxSuiteNeverContactsDocker() throws Exception {
        // A socket that accepts and never answers: any client that connected would wait on it.
        Path socket = temp.resolve("docker.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            List<SocketChannel> connections = SilentSocket.acceptForever(silent);

            Assay result = assay(Map.of("DOCKER_HOST", "unix://" + socket), "suites", "validate", example("terminal"));

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("ok: " + example("terminal") + " (terminal-basics");
            assertThat(connections).as("connections to the Docker socket").isEmpty();
        }
    }

    @Test
    void runWithoutDockerSaysInOneLineWhatWasTriedAndExitsWith2() throws Exception {
        String host = "tcp://127.0.0.1:" + closedPort();

        Assay result = assay(Map.of("DOCKER_HOST", host), "run", example("terminal"), "--agent", "oracle",
                "--out", temp.resolve("run").toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .singleElement().asString()
                .startsWith("error: run failed: the environment could not start: no Docker engine answers at " + host
                        + " (from DOCKER_HOST): ")
                .contains("start the Docker engine", "set DOCKER_HOST");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(RunDirectory.open(temp.resolve("run")).readManifest().status()).isEqualTo(Manifest.FAILED);
    }

    @Test
    @ExtendWith(DockerRequirement.class)
    void oracleSolvesTheTerminalExampleWithDockerAsInstalled() throws Exception {
        Path out = temp.resolve("run");

        CliResult result = run("run", example("terminal"), "--agent", "oracle", "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("score").path("mean").asDouble()).isEqualTo(1.0);
        assertThat(summary.path("trials").asInt()).isEqualTo(6);
    }

    @Test
    void gcWithoutDockerSaysSoInOneLineAndExitsWith2() throws Exception {
        String host = "tcp://127.0.0.1:" + closedPort();

        Assay result = assay(Map.of("DOCKER_HOST", host), "gc");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .singleElement().asString().startsWith("error: no Docker engine answers at " + host + " (from DOCKER_HOST): ");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @ExtendWith(DockerRequirement.class)
    void gcSaysHowManyContainersThePluginsSweepersRemoved() {
        CliResult result = run("gc");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).matches("removed \\d+ containers? left behind by assay runs that are no longer running\\R");
    }

    /** What an {@code assay} process printed, and its exit code. */
    private record Assay(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code assay} in its own JVM with this machine's environment minus every Docker and
     * Testcontainers setting, plus {@code docker}.
     */
    private Assay assay(Map<String, String> docker, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                AssayCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DOCKER_") || name.startsWith("TESTCONTAINERS_"));
        builder.environment().putAll(docker);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("assay " + String.join(" ", args) + " did not finish: " + Files.readString(err));
        }
        return new Assay(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
