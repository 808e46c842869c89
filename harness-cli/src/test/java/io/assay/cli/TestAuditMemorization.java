package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code assay audit --model}: the memorization probe through the real command. */
class TestAuditMemorization {
    /** Set by surefire (see the pom), as a real key would be in the environment. */
    private static final String KEY_VARIABLE = "ASSAY_TEST_MODEL_KEY";
    /** examples/flawed/answer-stuffing's canary. */
    private static final String CANARY = "assay-canary:c41f7a08-6e3b-4d29-b5a1-0f8e2d6c9b17";

    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult audit(String suite, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", example(suite), "--probe", "memorization",
                "--model", "openai/recall", "--base-url", server.baseUrl(), "--api-key-env", KEY_VARIABLE));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static JsonNode item(JsonNode report, String id) {
        for (JsonNode item : report.path("checklist")) {
            if (item.path("item").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no checklist item " + id);
    }

    @Test
    void aModelThatKnowsTheCanaryFailsTheAuditOnR3() throws Exception {
        server.respondWith(request -> Reply.text(request.body().contains("canary") ? CANARY : "No idea."));

        CliResult result = audit("flawed/answer-stuffing", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        JsonNode report = Json.MAPPER.readTree(result.out());
        assertThat(item(report, "R.3").path("status").asText()).isEqualTo("fail");
        JsonNode error = report.path("findings").get(0);
        assertThat(error.path("probe").asText()).isEqualTo("memorization");
        assertThat(error.path("evidence").path("guid_digits_reproduced").asInt()).isEqualTo(32);
        assertThat(result.err()).contains("audit: memorization");
    }

    @Test
    void aModelThatRecallsNothingPassesAndTheSampleFlagBoundsTheCalls() {
        server.defaultReply(Reply.text("I have not seen this text."));

        CliResult result = audit("arithmetic", "--memorization-tasks", "3", "--seed", "7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.requests()).hasSize(4);
        assertThat(result.out()).contains("[memorization] suite (R.3)", "4 model calls at temperature 0",
                "continue 3 task prompts of 20");
        assertThat(result.out()).containsPattern("pass +R\\.3\\b");
    }

    @Test
    void withoutModelR3IsNotCheckedNeverPass() {
        CliResult result = run("audit", example("multiple-choice"), "--format", "markdown");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Not run: `memorization` (needs --model).",
                "| R.3 | contamination measures (canaries, private splits) | not checked | memorization needs --model |");
    }

    @Test
    void endpointFlagsWithoutModelAreBadInput() {
        CliResult result = run("audit", example("arithmetic"), "--base-url", server.baseUrl());
        CliResult negative = run("audit", example("arithmetic"), "--model", "openai/recall", "--base-url", server.baseUrl(),
                "--api-key-env", KEY_VARIABLE, "--memorization-tasks", "-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --base-url needs --model");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).startsWith("error: --memorization-tasks must be 0 or more, got -1");
        assertThat(server.requests()).isEmpty();
    }
}
