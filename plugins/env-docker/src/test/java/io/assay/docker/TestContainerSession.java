package io.assay.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.assay.spi.RunInfo;
import io.assay.spi.CommandResult;
import io.assay.spi.EnvironmentException;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A trial's container as an agent sees it: commands, files, limits, isolation, labels. */
@ExtendWith(DockerRequirement.class)
class TestContainerSession {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    static Path suite;
    private static DockerEnvironment environment;
    private static Task box;

    @BeforeAll
    static void start() {
        box = HarborTaskDir.in(suite, "box")
                .toml("[agent]\ntimeout_sec = 60\n[environment]\ncpus = 0.5\nmemory_mb = 64\n")
                .write();
        environment = (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(suite, 1),
                new RunInfo("run-42", suite, "session-test", "null"));
    }

    @AfterAll
    static void stop() throws Exception {
        environment.close();
    }

    @Test
    void runsCommandsInTheWorkdirAndCapturesBothStreams() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            CommandResult result = session.run("pwd; echo oops >&2; exit 3", TEN_SECONDS);

            assertThat(result).isEqualTo(new CommandResult(3, "/app\n", "oops\n", false, false));
            assertThat(session.workingDirectory()).isEqualTo("/app");
        }
    }

    @Test
    void killsACommandPastItsTimeoutWithEverythingItStarted() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            CommandResult result = session.run("echo started; sleep 37 & sleep 38; echo never", Duration.ofMillis(500));

            assertThat(result.timedOut()).isTrue();
            assertThat(result.exitCode()).isEqualTo(-1);
            assertThat(result.stdout()).isEqualTo("started\n");
            assertThat(session.run("ps -o args", TEN_SECONDS).stdout()).doesNotContain("sleep 37", "sleep 38");
        }
    }

    @Test
    void cutsOutputBeyondOneMebibyte() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            CommandResult result = session.run("head -c 1500000 /dev/zero | tr '\\0' a; echo short >&2", TEN_SECONDS);

            assertThat(result.stdout()).hasSize(ContainerExec.OUTPUT_LIMIT).matches("a+");
            assertThat(result.stderr()).isEqualTo("short\n");
            assertThat(result.truncated()).isTrue();
            assertThat(result.exitCode()).isZero();
        }
    }

    @Test
    void writesAndReadsFilesRelativeToTheWorkdir() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            session.writeFile("notes/deep/a.txt", "héllo\n".getBytes(UTF_8));
            session.writeFile("/tmp/b.txt", new byte[] {1, 2, 3});

            assertThat(session.run("cat /app/notes/deep/a.txt", TEN_SECONDS).stdout()).isEqualTo("héllo\n");
            assertThat(session.readFile("/app/notes/deep/a.txt")).isEqualTo("héllo\n".getBytes(UTF_8));
            assertThat(session.readFile("/tmp/b.txt")).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> session.readFile("missing.txt"))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("/app/missing.txt");
        }
    }

    @Test
    void recordsEveryCommandInTheTrace() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            session.run("echo one", TEN_SECONDS);
            session.run("exit 4", TEN_SECONDS);

            assertThat(session.trace()).extracting(step -> step.data().get("command")).containsExactly("echo one", "exit 4");
            assertThat(session.trace().getFirst().kind()).isEqualTo("command");
            assertThat(session.trace().getFirst().data()).containsEntry("stdout", "one\n").containsEntry("exit_code", 0);
            assertThat(session.trace().get(1).data()).containsEntry("exit_code", 4);
        }
    }

    @Test
    void everyTrialGetsAFreshContainer() throws Exception {
        try (ContainerSession first = environment.start(box, 0)) {
            first.run("echo left > /app/left.txt && touch /tmp/left", TEN_SECONDS);
        }
        try (ContainerSession second = environment.start(box, 0)) {
            assertThat(second.run("ls /app/left.txt /tmp/left", TEN_SECONDS).exitCode()).isNotZero();
        }
    }

    @Test
    void neitherTestsNorSolutionAreInTheContainerWhileTheAgentWorks() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            assertThat(session.run("ls -d /tests /solution /logs/verifier", TEN_SECONDS).stdout()).isEmpty();
        }
    }

    @Test
    void hasNoNetworkButLoopback() throws Exception {
        try (ContainerSession session = environment.start(box, 0)) {
            assertThat(session.run("ls /sys/class/net", TEN_SECONDS).stdout().split("\\s+")).containsExactly("lo");
        }
    }

    @Test
    void allowInternetGivesANetworkInterface(@TempDir Path otherSuite) throws Exception {
        Task online = HarborTaskDir.in(otherSuite, "online").toml("[environment]\nallow_internet = true\n").write();
        try (DockerEnvironment onlineEnvironment =
                     (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(otherSuite, 0));
             ContainerSession session = onlineEnvironment.start(online, 0)) {
            assertThat(session.run("ls /sys/class/net", TEN_SECONDS).stdout().split("\\s+")).contains("lo", "eth0");
        }
    }

    @Test
    void labelsLimitsAndRemovesTheContainer() throws Exception {
        DockerClient docker = ContainerChecks.docker();
        String id;
        try (ContainerSession session = environment.start(box, 0)) {
            id = session.containerId();
            InspectContainerResponse container = docker.inspectContainerCmd(id).exec();

            assertThat(container.getState().getRunning()).isTrue();
            assertThat(container.getConfig().getLabels())
                    .containsEntry("assay.managed", "true")
                    .containsEntry("assay.task", "box")
                    .containsEntry("assay.run", "run-42")
                    .hasEntrySatisfying("assay.owner", owner -> assertThat(owner).contains(":" + ProcessHandle.current().pid() + ":"));
            assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("none");
            assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
            assertThat(container.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
        }
        ContainerChecks.awaitRemoved(id);
    }

    @Test
    void runsNothingOnceTheAgentTimeIsSpent(@TempDir Path otherSuite) throws Exception {
        Task quick = HarborTaskDir.in(otherSuite, "quick").toml("[agent]\ntimeout_sec = 1\n").write();
        try (DockerEnvironment quickEnvironment =
                     (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(otherSuite, 0));
             ContainerSession session = quickEnvironment.start(quick, 0)) {
            CommandResult cut = session.run("sleep 5", TEN_SECONDS);
            CommandResult after = session.run("echo too late", TEN_SECONDS);

            assertThat(cut.timedOut()).isTrue();
            assertThat(after).isEqualTo(new CommandResult(-1, "", "", true, false));
        }
    }
}
