package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.spi.Tool;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TestRateLimiter {

    private final FakeTime time = new FakeTime();

    @Test
    void requestsPerMinuteAllowABurstThenOneEveryInterval() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(0, 60, 0), time, time);

        for (int i = 0; i < 60; i++) {
            limiter.acquire(1).close();
        }
        assertThat(time.sleeps()).isEmpty();
        for (int i = 0; i < 60; i++) {
            limiter.acquire(1).close();
        }

        assertThat(time.sleeps()).hasSize(60).allMatch(d -> d.equals(Duration.ofSeconds(1)));
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void callersWaitingAtOnceAreSpacedOut() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(0, 60, 0), new FixedClock(), time);

        for (int i = 0; i < 63; i++) {
            limiter.acquire(1).close();
        }

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void tokensPerMinuteWaitForTheEstimateAndRefundTheDifference() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(0, 0, 1000), time, time);

        RateLimiter.Permit first = limiter.acquire(600);
        first.settle(100);
        first.close();
        limiter.acquire(600).close();
        assertThat(time.sleeps()).isEmpty();

        // 1000 - 100 - 600 = 300 left; 600 more leaves a debt of 300 tokens, 18 s at 1000 a minute.
        limiter.acquire(600).close();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(18));
    }

    @Test
    void concurrencyIsCappedAtTheServer() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer();
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            server.defaultLatency(Duration.ofMillis(100));
            ModelClient client = new LimitedClient(
                    new OpenAiChatClient(ModelSpec.parse("openai/m").withBaseUrl(server.baseUrl()),
                            ApiKey.of("K", "k"), Duration.ofSeconds(5)),
                    new RateLimiter(new RateLimits(3, 0, 0)));
            ModelRequest request = new ModelRequest(List.of(ChatMessage.user("hi")), List.of(), 16, null);

            List<Future<ModelResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(callers.submit(() -> client.complete(request)));
            }
            for (Future<ModelResponse> call : calls) {
                assertThat(call.get().text()).isEqualTo("ok");
            }

            assertThat(server.requests()).hasSize(12);
            assertThat(server.maxInFlight()).isBetween(2, 3);
        }
    }

    @Test
    void theEstimateCountsTextToolsAndTheOutputAllowance() {
        Tool tool = new Tool("t", "d", Map.of("type", "object"), true);
        ModelRequest request = new ModelRequest(List.of(ChatMessage.user("x".repeat(400))), List.of(tool), 50, null);

        // 400 characters of text plus 2 + 17 of tool: 419 characters, 105 tokens, plus 50 to write.
        assertThat(LimitedClient.estimateTokens(request)).isEqualTo(155);
    }

    /** A clock that never moves: every caller reserves at the same instant. */
    private static final class FixedClock implements InstantSource {
        @Override
        public Instant instant() {
            return Instant.EPOCH;
        }
    }
}
