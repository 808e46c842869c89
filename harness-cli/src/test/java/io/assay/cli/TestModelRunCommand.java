package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.models.fake.FakeOpenAiServer;
import io.assay.models.fake.Reply;
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
        Path prices = temp.resolve("prices.json");
        Files.writeString(prices, "{\"usd_per_million_tokens\": {\"bench\": {\"input\": 1000, \"output\": 1000}}}");
        List<String> args = new ArrayList<>(List.of("run", example("arithmetic"), "--agent", "chat",
                "--model", "openai/bench", "--base-url", server.baseUrl(), "--api-key-env", KEY_VARIABLE,
                "--prices", prices.toString(), "--concurrency", "1", "--out", out.toString(), "--progress", "none"));
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
}
