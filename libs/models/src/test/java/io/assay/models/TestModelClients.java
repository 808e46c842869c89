package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.testkit.model.FakeAnthropicServer;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TestModelClients {

    private static final ModelRequest HELLO = new ModelRequest(List.of(ChatMessage.user("hi")), List.of(), 16, null);

    @Test
    void buildsAClientPerProviderThatRetries() throws Exception {
        try (FakeOpenAiServer openai = new FakeOpenAiServer(); FakeAnthropicServer anthropic = new FakeAnthropicServer()) {
            openai.enqueue(Reply.rateLimited("0"), Reply.text("from openai"));
            anthropic.enqueue(Reply.serverError(), Reply.text("from anthropic"));
            ModelSettings settings = ModelSettings.defaults()
                    .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)));
            Map<String, String> env = Map.of("OPENAI_API_KEY", "a", "ANTHROPIC_API_KEY", "b");

            ModelResponse fromOpenAi = ModelClients.create(
                    ModelSpec.parse("openai/gpt-4o-mini").withBaseUrl(openai.baseUrl()), settings, env::get).complete(HELLO);
            ModelResponse fromAnthropic = ModelClients.create(
                    ModelSpec.parse("anthropic/claude-haiku-4-5").withBaseUrl(anthropic.baseUrl()), settings, env::get).complete(HELLO);

            assertThat(fromOpenAi.text()).isEqualTo("from openai");
            assertThat(fromOpenAi.attempts()).isEqualTo(2);
            assertThat(fromAnthropic.text()).isEqualTo("from anthropic");
            assertThat(fromAnthropic.attempts()).isEqualTo(2);
        }
    }

    @Test
    void aSlowFakeServesFiveHundredCallsAtOnce() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer();
             ExecutorService trials = Executors.newVirtualThreadPerTaskExecutor()) {
            server.defaultLatency(Duration.ofMillis(300));
            ModelClient client = ModelClients.create(ModelSpec.parse("openai/m").withBaseUrl(server.baseUrl()),
                    ModelSettings.defaults(), Map.of("OPENAI_API_KEY", "k")::get);

            List<Future<ModelResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                calls.add(trials.submit(() -> client.complete(HELLO)));
            }
            for (Future<ModelResponse> call : calls) {
                assertThat(call.get().attempts()).isEqualTo(1);
            }

            // Held apart by a 300 ms latency, the calls can only all succeed this way if most overlap.
            assertThat(server.maxInFlight()).isGreaterThan(250);
        }
    }
}
