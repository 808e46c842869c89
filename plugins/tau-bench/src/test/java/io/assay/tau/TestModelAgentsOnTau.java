package io.assay.tau;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.launcher.RunSettings;
import io.assay.launcher.TaskSelection;
import io.assay.spi.Options;
import io.assay.spi.TrialRecord;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.RecordedRequest;
import io.assay.testkit.model.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model-backed agent serving a model-played user on a published tau2-bench task, end to end
 * through the engine: the agent is told the policy, the user its scenario, the user's stop token
 * ends the conversation, and the reward grades the database the agent's tool call left.
 */
class TestModelAgentsOnTau {
    private static final String KEY = "ASSAY_TEST_MODEL_KEY";

    @TempDir
    Path temp;

    @Test
    void reactCancelsForAModelUserAndPassesOnTheEndState() throws Exception {
        Path folder = PublishedBenchmarks.folder("tau-bench/tau2/airline");
        try (FakeOpenAiServer agent = new FakeOpenAiServer(); FakeOpenAiServer user = new FakeOpenAiServer()) {
            agent.enqueue(Reply.toolCall("call_1", "cancel_reservation", Map.of("reservation_id", "Z7GOZK")),
                    Reply.text("Your reservation Z7GOZK is cancelled."));
            user.enqueue(Reply.text("Please cancel my reservation Z7GOZK."), Reply.text("Thank you. ###STOP###"));

            List<TrialRecord> trials = PublishedBenchmarks.run(RunSettings.builder(folder, "react")
                    .selection(TaskSelection.parse(List.of("19"), List.of(), null, null))
                    .agentOptions(Options.of(Map.of("model", "openai/agent", "base_url", agent.baseUrl(), "api_key_env", KEY)))
                    .environmentOptions(Options.of(Map.of("user_model", "openai/user", "user_base_url", user.baseUrl(),
                            "user_api_key_env", KEY)))
                    .timeout(Duration.ofSeconds(30)).out(temp.resolve("run")));

            assertThat(trials).singleElement().satisfies(trial -> {
                assertThat(trial.passed()).as(trial.reward().explanation()).isTrue();
                assertThat(trial.reward().explanation()).contains("state_match", "outputs");
            });
            String policy = Files.readString(folder.resolve("policy.md")).lines().findFirst().orElseThrow();
            assertThat(systemPrompt(agent.requests().getFirst())).contains("<policy>", policy);
            assertThat(systemPrompt(user.requests().getFirst()))
                    .contains("You will have a crazy half-day trip to Texas.");
            assertThat(user.requests()).as("the stop token ended the conversation").hasSize(2);
        }
    }

    @SuppressWarnings("unchecked")
    private static String systemPrompt(RecordedRequest request) {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) request.json().get("messages");
        return messages.stream().filter(message -> "system".equals(message.get("role")))
                .map(message -> String.valueOf(message.get("content"))).findFirst().orElse("");
    }
}
