package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The reference solution: uploaded and run only when the oracle asks for it. */
@ExtendWith(DockerRequirement.class)
class TestSolve {
    @TempDir
    static Path suite;
    private static DockerEnvironment environment;
    private static Task solvable;

    @BeforeAll
    static void start() {
        solvable = HarborTaskDir.in(suite, "solvable")
                .solve("cd /app && echo 42 > answer.txt && echo solved in $(pwd)")
                .test("grep -qx 42 /app/answer.txt && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt")
                .write();
        environment = (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(suite, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        environment.close();
    }

    @Test
    void runsSolveShAndPassesTheTests() throws Exception {
        try (ContainerSession session = environment.start(solvable, 0)) {
            AgentOutput output = session.solve();

            assertThat(output.answer()).isEqualTo("solved in /app\n");
            assertThat(output.trace()).singleElement().satisfies(step -> {
                assertThat(step.kind()).isEqualTo("command");
                assertThat(step.data()).containsEntry("command", "bash /solution/solve.sh").containsEntry("exit_code", 0);
            });
            assertThat(session.verify().passed()).isTrue();
        }
    }

    @Test
    void theSolutionIsAbsentUnlessTheOracleAsks() throws Exception {
        try (ContainerSession session = environment.start(solvable, 0)) {
            assertThat(session.run("ls /solution", Duration.ofSeconds(10)).exitCode()).isNotZero();
            assertThat(session.verify().passed()).isFalse();
        }
    }

    @Test
    void aTaskWithoutSolutionCannotBeSolved() throws Exception {
        Task unsolved = HarborTaskDir.in(suite, "unsolved").write();
        try (ContainerSession session = environment.start(unsolved, 0)) {
            assertThatThrownBy(session::solve)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("task unsolved has no solution/solve.sh to run");
        }
    }
}
