package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.rank.arena.Battle;
import io.assay.rank.arena.BattleFile;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay arena --pairwise} on two runs of the arithmetic example, judged by a fake OpenAI
 * server that always says "first": biased to a position, so every battle comes out a tie.
 */
class TestArenaPairwise {
    /** Set by surefire (see the pom), as a real key would be in the environment. */
    private static final String KEY_VARIABLE = "ASSAY_TEST_MODEL_KEY";

    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        server.close();
    }

    private Path runOf(String suite, String agent, String... more) {
        return CliResult.exampleRun(temp.resolve(suite + "-" + agent), suite, agent, more);
    }

    private CliResult pairwise(Path a, Path b, String... more) {
        List<String> args = new ArrayList<>(List.of("arena", "--pairwise", a.toString(), b.toString(),
                "--judge-model", "openai/judge", "--judge-base-url", server.baseUrl(), "--judge-api-key-env", KEY_VARIABLE,
                "--bootstrap", "0"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void writesOneBattlePerTaskAndRatesThem() {
        server.defaultReply(Reply.text("{\"verdict\": \"first\", \"reason\": \"it comes first\"}"));
        Path oracle = runOf("arithmetic", "oracle");
        Path scripted = runOf("arithmetic", "scripted", "-A", "file=" + Path.of(example("arithmetic")).resolve("predictions.jsonl"));
        Path battles = temp.resolve("battles.jsonl");

        CliResult result = pairwise(oracle, scripted, "--output", battles.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Battle> read = BattleFile.read(battles);
        assertThat(read).hasSize(20).allSatisfy(battle -> {
            assertThat(battle.modelA()).isEqualTo("oracle");
            assertThat(battle.modelB()).isEqualTo("scripted");
            assertThat(battle.winner()).isEqualTo(Battle.Winner.TIE);
            assertThat(battle.id()).endsWith("#0");
        });
        assertThat(server.requests()).hasSize(40);
        assertThat(result.out()).contains("20 battles among 2 models").contains("oracle").contains("scripted");
    }

    @Test
    void withoutOutputTheBattlesArePrintedUnrated() {
        server.defaultReply(Reply.text("{\"verdict\": \"both bad\", \"reason\": \"neither\"}"));
        Path oracle = runOf("arithmetic", "oracle");
        Path empty = runOf("arithmetic", "null");

        CliResult result = pairwise(oracle, empty);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).hasSize(20).allSatisfy(line -> assertThat(line).contains("\"winner\":\"both_bad\""));
    }

    @Test
    void pairwiseWithoutAJudgeModelIsOneLineAndExitCodeTwo() {
        Path oracle = runOf("arithmetic", "oracle");

        CliResult result = run("arena", "--pairwise", oracle.toString(), oracle.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --pairwise needs --judge-model PROVIDER/NAME, the judge of the battles\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void runsOfDifferentSuitesAreRefusedNamingBoth() {
        Path arithmetic = runOf("arithmetic", "oracle");
        Path choice = runOf("multiple-choice", "oracle");

        CliResult result = pairwise(arithmetic, choice);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(arithmetic.toString(), choice.toString(), "same suite version");
        assertThat(server.requests()).isEmpty();
    }
}
