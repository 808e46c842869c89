package io.assay.agents.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.testkit.TaskBuilder;
import io.assay.testkit.model.FakeAnthropicServer;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentException;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.TraceStep;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestChatAgent {

    static final String KEY = "sk-test-key-123456";
    /** A 500 asking for an immediate retry, so retry tests do not wait out the backoff. */
    static final Reply SERVER_ERROR = new Reply.Raw(500, Map.of("Content-Type", "application/json", "Retry-After", "0"),
            "{\"error\": {\"type\": \"server_error\", \"message\": \"internal error\"}}");

    private final FakeOpenAiServer openAi = new FakeOpenAiServer();

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void answersWithTheTextAfterTheLastAnswerMarker() throws Exception {
        openAi.enqueue(Reply.text("ANSWER: 6 would be wrong.\nRedo: 2 + 3 = 5.\nANSWER:  5 \n"));

        assertThat(ask(chat(Map.of()), "What is 2 + 3?").answer()).isEqualTo("5");
    }

    @Test
    void answersTheWholeReplyWhenTheMarkerIsMissing() throws Exception {
        openAi.enqueue(Reply.text("  The sum is 5.\n"));

        assertThat(ask(chat(Map.of()), "What is 2 + 3?").answer()).isEqualTo("The sum is 5.");
    }

    @Test
    void sendsTheTaskPromptUnderASystemPromptAskingForTheAnswerLine() throws Exception {
        ask(chat(Map.of()), "What is 2 + 3?");

        JsonNode body = new ObjectMapper().readTree(openAi.requests().getFirst().body());
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).contains("ANSWER: <your answer>");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("What is 2 + 3?");
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void theSystemOptionReplacesTheDefaultPrompt() throws Exception {
        ask(chat(Map.of("system", "Reply with a number only.")), "What is 2 + 3?");

        JsonNode messages = new ObjectMapper().readTree(openAi.requests().getFirst().body()).get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.at("/0/content").asText()).isEqualTo("Reply with a number only.");
    }

    @Test
    void inAToolEnvironmentItAnswersTheUsersOpeningUnderTheDomainsPolicy() throws Exception {
        FakeToolSession shop = new FakeToolSession("Hi, where is my order 7?").withPolicy("Verify the user first.");

        chat(Map.of()).act(new AgentInput(TaskBuilder.task("q1").prompt("the reason for calling").build(), 0, 1L, shop));

        JsonNode messages = new ObjectMapper().readTree(openAi.requests().getFirst().body()).get("messages");
        assertThat(messages.at("/0/content").asText()).isEqualTo("<instructions>\n" + ChatAgent.DEFAULT_SYSTEM
                + "\n</instructions>\n<policy>\nVerify the user first.\n</policy>");
        assertThat(messages.at("/1/content").asText()).isEqualTo("Hi, where is my order 7?");
    }

    @Test
    void recordsTheCallWithServedModelFingerprintTokensAndCostButNeverTheKey() throws Exception {
        openAi.enqueue(Reply.text("ANSWER: 5").servedAs("gpt-4o-mini-2024-07-18").withFingerprint("fp_44")
                .withUsage(100, 20));

        AgentOutput output = ask(chat(Map.of()), "What is 2 + 3?");

        assertThat(output.trace()).extracting(TraceStep::kind).containsExactly("model_call");
        Map<String, Object> call = output.trace().getFirst().data();
        assertThat(call).containsEntry("provider", "openai").containsEntry("model", "gpt-4o-mini")
                .containsEntry("served_model", "gpt-4o-mini-2024-07-18").containsEntry("fingerprint", "fp_44")
                .containsEntry("input_tokens", 100L).containsEntry("output_tokens", 20L).containsEntry("attempts", 1);
        // gpt-4o-mini lists at 0.15 and 0.60 USD per million input and output tokens.
        assertThat((BigDecimal) call.get("cost_usd")).isEqualByComparingTo("0.000027");
        assertThat(openAi.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(new ObjectMapper().writeValueAsString(output)).doesNotContain(KEY);
    }

    @Test
    void talksToAnthropicToo() throws Exception {
        try (FakeAnthropicServer anthropic = new FakeAnthropicServer()) {
            anthropic.enqueue(Reply.text("Paris is the capital.\nANSWER: Paris"));
            Agent agent = new ChatAgentFactory(name -> KEY).create(Options.of(Map.of(
                    "model", "anthropic/claude-haiku-4-5", "base_url", anthropic.baseUrl())));

            AgentOutput output = ask(agent, "What is the capital of France?");

            assertThat(output.answer()).isEqualTo("Paris");
            assertThat(output.trace().getFirst().data()).containsEntry("provider", "anthropic")
                    .containsEntry("served_model", "claude-haiku-4-5").containsEntry("fingerprint", null);
            JsonNode body = new ObjectMapper().readTree(anthropic.requests().getFirst().body());
            assertThat(body.get("system").asText()).contains("ANSWER:");
            assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("What is the capital of France?");
        }
    }

    @Test
    void retriesAServerErrorThenAnswers() throws Exception {
        openAi.enqueue(SERVER_ERROR, Reply.text("ANSWER: 5"));

        AgentOutput output = ask(chat(Map.of()), "What is 2 + 3?");

        assertThat(output.answer()).isEqualTo("5");
        assertThat(openAi.requests()).hasSize(2);
        assertThat(output.trace().getFirst().data()).containsEntry("attempts", 2);
    }

    @Test
    void anEndpointThatKeepsFailingIsAHarnessErrorNotAnAgentFailure() {
        openAi.defaultReply(SERVER_ERROR);
        Agent agent = chat(Map.of("max_attempts", "2"));

        assertThatThrownBy(() -> ask(agent, "What is 2 + 3?"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("model call failed: gave up after 2 attempts")
                .hasMessageContaining("HTTP 500")
                .hasMessageNotContaining(KEY);
        assertThat(openAi.requests()).hasSize(2);
    }

    @Test
    void aMissingKeyVariableIsAnOptionErrorNamingIt() {
        ChatAgentFactory factory = new ChatAgentFactory(name -> null);
        Options options = Options.of(Map.of("model", "openai/gpt-4o-mini", "api_key_env", "ASSAY_TEST_ABSENT_KEY"));

        assertThatThrownBy(() -> factory.create(options))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("ASSAY_TEST_ABSENT_KEY");
    }

    @Test
    void numbersGivenAsCommandLineTextReachTheRequest() throws Exception {
        ask(chat(Map.of("max_tokens", "64", "temperature", "0.5")), "What is 2 + 3?");

        JsonNode body = new ObjectMapper().readTree(openAi.requests().getFirst().body());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
    }

    @Test
    void rejectsTextThatIsNotANumberAndOptionsItDoesNotTake() {
        assertThatThrownBy(() -> chat(Map.of("max_tokens", "many")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("max_tokens").hasMessageContaining("many");
        assertThatThrownBy(() -> chat(Map.of("max_turns", "3")))
                .isInstanceOf(InvalidOptionException.class)
                .extracting(e -> ((InvalidOptionException) e).field()).isEqualTo("max_turns");
    }

    private Agent chat(Map<String, Object> extra) {
        Map<String, Object> options = new LinkedHashMap<>(Map.of("model", "openai/gpt-4o-mini", "base_url", openAi.baseUrl()));
        options.putAll(extra);
        return new ChatAgentFactory(name -> KEY).create(Options.of(options));
    }

    static AgentOutput ask(Agent agent, String prompt) throws Exception {
        return agent.act(new AgentInput(TaskBuilder.task("q1").prompt(prompt).build(), 0, 1L, () -> { }));
    }
}
