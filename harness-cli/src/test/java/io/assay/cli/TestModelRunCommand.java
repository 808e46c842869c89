package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay run --agent chat --model ...} end to end against a fake OpenAI-compatible server on
 * loopback: cost, the served identity, the budget, and the key kept out of every file.
 */
class TestModelRunCommand {
    /** Set by surefire (see the pom), as a real key would be in the environment. */
    private static final String KEY_VARIABLE = "ASSAY_TEST_MODEL_KEY";
    private static final String KEY = "sk-test-cli-key-7f3a9c";

    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult chat(Path out, String... more) throws Exception {
        return chat(server.baseUrl(), 1, out, more);
    }

    private CliResult chat(String baseUrl, int concurrency, Path out, String... more) throws Exception {
        Path prices = temp.resolve("prices.json");
        Files.writeString(prices, "{\"usd_per_million_tokens\": {\"bench\": {\"input\": 1000, \"output\": 1000}}}");
        List<String> args = new ArrayList<>(List.of("run", example("arithmetic"), "--agent", "chat",
                "--model", "openai/bench", "--base-url", baseUrl, "--api-key-env", KEY_VARIABLE,
                "--prices", prices.toString(), "--concurrency", String.valueOf(concurrency), "--out", out.toString(),
                "--progress", "none"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aChatRunRecordsCostAndTheServedModelAndNeverTheKey() throws Exception {
        server.defaultReply(Reply.text("Working it out.\nANSWER: 42").servedAs("other-model").withUsage(60, 12));
        Path out = temp.resolve("run");

        CliResult result = chat(out);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("models", "openai/bench", "served as other-model");
        assertThat(result.err()).contains("warning: model identity: openai/bench was served as other-model");
        JsonNode usage = Json.MAPPER.readTree(out.resolve("summary.json").toFile()).path("usage");
        int tasks = Files.readAllLines(out.resolve("trials.jsonl")).size();
        assertThat(usage.path("model_calls").asInt()).isEqualTo(tasks);
        assertThat(usage.path("cost_usd").decimalValue()).isEqualByComparingTo(String.valueOf(0.072 * tasks));
        assertThat(server.requests()).allSatisfy(request ->
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY));
        for (String file : List.of("manifest.json", "trials.jsonl", "summary.json")) {
            assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain(KEY);
        }
        assertThat(result.out() + result.err()).doesNotContain(KEY);
    }

    @Test
    void theBudgetStopsTheRunAndSaysHowToResume() throws Exception {
        server.defaultReply(Reply.text("ANSWER: 1").withUsage(60, 12));
        Path out = temp.resolve("run");

        CliResult result = chat(out, "--max-cost", "0.10");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Stopped: the cost budget was reached ($0.14 spent)",
                "Resume with: assay run --resume " + out + " --max-cost HIGHER");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(2);
    }

    @Test
    void aMissingKeyIsOneLineNamingTheVariable() {
        CliResult result = run("run", example("arithmetic"), "--agent", "chat", "--model", "openai/bench",
                "--base-url", server.baseUrl(), "--api-key-env", "ASSAY_TEST_UNSET_KEY", "--out", temp.resolve("r").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ASSAY_TEST_UNSET_KEY").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRefusedKeyAbortsTheRunAfterThreeCallsAndTheRunResumesOnceTheKeyWorks() throws Exception {
        server.defaultReply(Reply.status(401, "{\"error\": {\"message\": \"Incorrect API key provided\"}}"));
        Path out = temp.resolve("run");

        CliResult result = chat(out);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(server.requests()).as("not every trial, and no retries").hasSize(3);
        assertThat(result.err()).contains("error: run aborted: 3 trials in a row failed the same way, which would fail"
                + " every trial: FatalEnvironmentException: model call failed: HTTP 401 from POST " + server.baseUrl())
                .contains("Incorrect API key provided")
                .contains("hint: no more trials were scheduled, 0 of 20 recorded; fix the cause, then resume with:"
                        + " assay run --resume " + out)
                .doesNotContain("\tat ");
        assertThat(result.out()).contains("score      no trial was scored");
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("aborted");
        assertThat(manifest.path("reason").asText()).contains("HTTP 401");

        server.defaultReply(Reply.text("ANSWER: 42"));
        CliResult resumed = run("run", "--resume", out.toString(), "--progress", "none");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(20);
        assertThat(Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void anEndpointThatIsNotThereAbortsTheRun() throws Exception {
        Path out = temp.resolve("run");

        CliResult result = chat(server.baseUrl() + "/wrong", 1, out);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("error: run aborted: 3 trials in a row failed the same way")
                .contains("HTTP 404 from POST " + server.baseUrl() + "/wrong/chat/completions");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aClosedPortAbortsTheRunAfterBriefRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path out = temp.resolve("run");

        CliResult result = chat("http://127.0.0.1:" + closedPort + "/v1", 8, out);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("error: run aborted: 3 trials in a row failed the same way")
                .contains("gave up after 3 attempts: POST http://127.0.0.1:" + closedPort + "/v1/chat/completions failed")
                .contains("Connection refused");
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("aborted");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).isEmpty();
    }

    @Test
    void whenNoTrialIsScoredTheTextSaysSoAndTheSummaryHasNoScore() throws Exception {
        server.defaultReply(Reply.serverError());
        Path out = temp.resolve("run");

        CliResult result = chat(out, "-A", "max_attempts=1");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).contains("trials     20 of 20 recorded, 20 harness errors (not scored)",
                "score      no trial was scored", "pass rate  -", "pass@k     -", "tasks  no trial was scored")
                .doesNotContain("0.000").doesNotContain("0.0%");
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("score").path("mean").isNull()).isTrue();
        assertThat(summary.path("pass_rate").isNull()).isTrue();
        assertThat(summary.path("pass_at_k").isNull()).isTrue();
        assertThat(summary.path("segments").path("difficulty").path("easy").path("score").path("mean").isNull()).isTrue();

        CliResult report = run("report", out.toString());
        CliResult json = run("report", out.toString(), "--format", "json");
        CliResult rescore = run("rescore", out.toString(), "--out", temp.resolve("rescored").toString());

        assertThat(report.exitCode()).isZero();
        assertThat(report.out()).contains("score      no trial was scored").doesNotContain("0.000");
        assertThat(Json.MAPPER.readTree(json.out())).isEqualTo(summary);
        assertThat(rescore.exitCode()).as(rescore.err()).isEqualTo(1);
        assertThat(rescore.out()).contains("score      no trial was scored");
    }
}
