package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assay.testkit.model.FakeAnthropicServer;
import io.assay.testkit.model.FakeModelServer;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestKeySecrecy {

    private static final String KEY = "sk-secret-0123456789abcdef";
    private static final ModelRequest HELLO = new ModelRequest(List.of(ChatMessage.user("hi")), List.of(), 16, null);

    @Test
    void aMissingKeyNamesTheVariableOnly() {
        assertThatThrownBy(() -> ModelClients.create(ModelSpec.parse("anthropic/claude-haiku-4-5").withApiKeyEnv("MY_KEY"),
                ModelSettings.defaults(), Map.<String, String>of()::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environment variable MY_KEY is not set");
    }

    @Test
    void theKeyIsSentButNeverRecordedShownOrEchoedByOpenAi() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            assertKeyStaysSecret(server, ModelSpec.parse("openai/gpt-4o-mini"), "authorization");
        }
    }

    @Test
    void theKeyIsSentButNeverRecordedShownOrEchoedByAnthropic() throws Exception {
        try (FakeAnthropicServer server = new FakeAnthropicServer()) {
            assertKeyStaysSecret(server, ModelSpec.parse("anthropic/claude-sonnet-4-5"), "x-api-key");
        }
    }

    private static void assertKeyStaysSecret(FakeModelServer server, ModelSpec spec, String keyHeader) throws Exception {
        ModelClient client = ModelClients.create(spec.withBaseUrl(server.baseUrl()),
                ModelSettings.defaults().withRetry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO))
                        .withLimits(new RateLimits(4, 100, 100_000)),
                Map.of(spec.apiKeyEnv(), KEY)::get);
        server.enqueue(Reply.text("fine"),
                Reply.status(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\"}}"),
                Reply.serverError(), Reply.drop(), Reply.malformed("echo " + KEY));

        ModelResponse response = client.complete(HELLO);
        List<String> seen = new ArrayList<>(List.of(response.rawRequest(), response.rawResponse(),
                response.toString(), client.toString(), spec.toString()));
        for (int i = 0; i < 4; i++) {
            ModelException failure = catchThrowableOfType(ModelException.class, () -> client.complete(HELLO));
            seen.add(failure.getMessage());
            seen.add(failure.toString());
        }

        assertThat(server.requests().getFirst().header(keyHeader)).contains(KEY);
        assertThat(seen).hasSize(13).noneMatch(text -> text.contains(KEY));
        assertThat(seen.get(5)).contains("Incorrect API key provided: ***");
    }
}
