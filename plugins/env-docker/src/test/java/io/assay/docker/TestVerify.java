package io.assay.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's side of a trial: tests copied in after the agent, and the reward files read strictly. */
@ExtendWith(DockerRequirement.class)
class TestVerify {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    static Path suite;
    private static DockerEnvironment environment;

    @BeforeAll
    static void start() {
        environment = (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(suite, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        environment.close();
    }

    private static RewardResult verify(String testScript) throws Exception {
        return verify(HarborTaskDir.in(suite, "t" + Math.abs(testScript.hashCode())).test(testScript).write());
    }

    private static RewardResult verify(Task task) throws Exception {
        try (ContainerSession session = environment.start(task, 0)) {
            return session.verify();
        }
    }

    @Test
    void readsOneNumberFromRewardTxt() throws Exception {
        RewardResult full = verify("echo 1 > /logs/verifier/reward.txt");
        RewardResult half = verify("echo 0.5 > /logs/verifier/reward.txt; echo checked; exit 1");

        assertThat(full.score()).isEqualTo(1.0);
        assertThat(full.passed()).isTrue();
        assertThat(full.explanation()).isEqualTo("reward 1; test.sh exited 0");
        assertThat(half.score()).isEqualTo(0.5);
        assertThat(half.passed()).isFalse();
        assertThat(half.evidence()).containsEntry("rewards", Map.of("reward", 0.5))
                .containsEntry("exit_code", 1).containsEntry("output_tail", "checked\n");
    }

    @Test
    void theEvidenceNamesTheImageTheTrialRanInByTagAndId() throws Exception {
        Task task = HarborTaskDir.in(suite, "imaged").test("echo 1 > /logs/verifier/reward.txt").write();

        RewardResult reward = verify(task);

        String tag = TaskImages.tag(suite.resolve("imaged/environment"));
        String id = DockerEngine.client().inspectImageCmd(tag).exec().getId();
        assertThat(id).startsWith("sha256:");
        assertThat(reward.evidence()).containsEntry("image", Map.of("tag", tag, "id", id));
    }

    @Test
    void readsNamedNumbersFromRewardJson() throws Exception {
        RewardResult named = verify("echo '{\"reward\": 0.25, \"style\": 1}' > /logs/verifier/reward.json");
        RewardResult mean = verify("echo '{\"a\": 1, \"b\": 0}' > /logs/verifier/reward.json");

        assertThat(named.score()).isEqualTo(0.25);
        assertThat(named.evidence().get("rewards")).isEqualTo(Map.of("reward", 0.25, "style", 1.0));
        assertThat(mean.score()).isEqualTo(0.5);
    }

    @Test
    void aMissingRewardIsAVerifierErrorNotAZero() {
        assertThatThrownBy(() -> verify("echo 'AssertionError: boom'; exit 2"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("verifier error: test.sh wrote neither /logs/verifier/reward.txt nor /logs/verifier/reward.json")
                .hasMessageContaining("test.sh exited 2")
                .hasMessageContaining("AssertionError: boom");
    }

    @Test
    void anUnreadableOrOutOfRangeRewardIsAVerifierError() {
        assertThatThrownBy(() -> verify("echo passed > /logs/verifier/reward.txt"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("verifier error: /logs/verifier/reward.txt: expected one number, got \"passed\"");
        assertThatThrownBy(() -> verify("echo 2 > /logs/verifier/reward.txt"))
                .hasMessageContaining("verifier error: /logs/verifier/reward.txt: the reward must be in [0, 1], got 2.0");
        assertThatThrownBy(() -> verify("echo '{\"reward\": \"yes\"}' > /logs/verifier/reward.json"))
                .hasMessageContaining("verifier error: /logs/verifier/reward.json: \"reward\": expected a number");
    }

    @Test
    void aVerifierTimeoutIsAVerifierError() {
        Task slow = HarborTaskDir.in(suite, "slow").toml("[verifier]\ntimeout_sec = 0.5\n")
                .test("echo starting; sleep 20; echo 1 > /logs/verifier/reward.txt").write();

        assertThatThrownBy(() -> verify(slow))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("verifier error: test.sh did not finish within 0.5 s")
                .hasMessageContaining("starting");
    }

    @Test
    void runsTheTestsInTheWorkdirWithTheVerifierEnvironment() throws Exception {
        Task task = HarborTaskDir.in(suite, "env").toml("[verifier]\nenv = { EXPECTED = \"42\" }\n")
                .test("[ \"$(pwd)\" = /app ] && [ \"$EXPECTED\" = 42 ] && [ -x /tests/test.sh ]"
                        + " && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt")
                .write();

        assertThat(verify(task).passed()).isTrue();
    }

    @Test
    void wipesWhatTheAgentPlantedForTheVerifier() throws Exception {
        Task task = HarborTaskDir.in(suite, "planted")
                .test("[ -e /tests/planted ] || [ -e /logs/verifier/planted ] && exit 0;"
                        + " echo 0 > /logs/verifier/reward.txt")
                .write();
        try (ContainerSession session = environment.start(task, 0)) {
            session.run("mkdir -p /logs/verifier /tests && echo 1 > /logs/verifier/reward.txt"
                    + " && touch /logs/verifier/planted /tests/planted"
                    + " && echo 'echo 1 > /logs/verifier/reward.txt' > /tests/test.sh", TEN_SECONDS);

            RewardResult reward = session.verify();

            assertThat(reward.score()).isZero();
        }
    }

    @Test
    void theHarborTestsCheckGradesTheSessionOnly() throws Exception {
        RewardCheck check = new HarborTestsCheckFactory().create(Options.of(Map.of("type", "harbor-tests")), spec -> null);
        Task task = HarborTaskDir.in(suite, "checked")
                .test("[ -f /app/answer.txt ] && echo 1 > /logs/verifier/reward.txt").write();
        try (ContainerSession session = environment.start(task, 0)) {
            session.writeFile("answer.txt", "x".getBytes(UTF_8));

            RewardResult reward = check.check(task, AgentOutput.of(""), Optional.of(session));

            assertThat(reward.passed()).isTrue();
        }
        assertThat(check.grades()).isEqualTo(RewardCheck.Grades.END_STATE);
        assertThatThrownBy(() -> check.check(task, AgentOutput.of(""), Optional.empty()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("harbor-tests grades a docker sandbox, but task checked was graded without one");
        assertThatThrownBy(() -> check.check(task, AgentOutput.of(""), Optional.of(() -> { })))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("harbor-tests grades a docker sandbox");
    }
}
