package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import io.assay.spi.FatalEnvironmentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestRetryingClient {

    private static final ModelRequest HELLO = new ModelRequest(List.of(ChatMessage.user("hi")), List.of(), 16, null);

    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        server.close();
    }

    private RetryingClient client(RetryPolicy policy, Duration timeout) {
        return client(server.baseUrl(), policy, timeout);
    }

    private RetryingClient client(String baseUrl, RetryPolicy policy, Duration timeout) {
        OpenAiChatClient http = new OpenAiChatClient(ModelSpec.parse("openai/gpt-4o-mini").withBaseUrl(baseUrl),
                ApiKey.of("OPENAI_API_KEY", "sk-test"), timeout);
        return new RetryingClient(http, policy, time, new Random(42));
    }

    private RetryingClient client() {
        return client(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8)), Duration.ofSeconds(5));
    }

    @Test
    void a429WaitsWhatRetryAfterAsks() throws Exception {
        server.enqueue(Reply.rateLimited("7"), Reply.text("done"));

        ModelResponse response = client().complete(HELLO);

        assertThat(response.text()).isEqualTo("done");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a500IsRetriedWithFullJitterBackoff() throws Exception {
        server.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError(), Reply.text("done"));

        ModelResponse response = client().complete(HELLO);

        assertThat(response.attempts()).isEqualTo(4);
        Random seeded = new Random(42);
        assertThat(time.sleeps()).containsExactly(
                Duration.ofNanos((long) (seeded.nextDouble() * 1e9)),
                Duration.ofNanos((long) (seeded.nextDouble() * 2e9)),
                Duration.ofNanos((long) (seeded.nextDouble() * 4e9)));
    }

    @Test
    void givesUpAfterMaxAttemptsSayingSo() {
        server.defaultReply(Reply.serverError());

        assertThatThrownBy(() -> client().complete(HELLO))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.fatal()).as("an overloaded server may recover").isFalse();
                })
                .hasMessageStartingWith("gave up after 4 attempts: HTTP 500 from POST " + server.baseUrl());
        assertThat(server.requests()).hasSize(4);
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void malformedJsonAndClientErrorsAreNotRetried() {
        server.enqueue(Reply.malformed("not json"), Reply.status(401, "{\"error\": \"bad key\"}"));
        RetryingClient client = client();

        assertThatThrownBy(() -> client.complete(HELLO)).hasMessageContaining("malformed response");
        assertThatThrownBy(() -> client.complete(HELLO)).hasMessageContaining("HTTP 401");
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRefusedKeyAForbiddenModelAndAMissingEndpointAreFatalAndNotRetried() {
        server.enqueue(Reply.status(401, "{\"error\": \"bad key\"}"), Reply.status(403, "{\"error\": \"no access\"}"),
                Reply.status(404, "{\"error\": \"no such model\"}"));
        RetryingClient client = client();

        for (int status : List.of(401, 403, 404)) {
            assertThatThrownBy(() -> client.complete(HELLO)).isInstanceOfSatisfying(ModelException.class, e -> {
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.fatal()).isTrue();
                assertThat(e.toEnvironmentException("model call failed")).isInstanceOf(FatalEnvironmentException.class)
                        .hasMessageStartingWith("model call failed: HTTP " + status);
            });
        }
        assertThat(server.requests()).hasSize(3);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetriedOnlyBrieflyThenFatal() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RetryingClient client = client("http://127.0.0.1:" + closedPort + "/v1",
                new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60)), Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.complete(HELLO)).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.unreachable()).isTrue();
            assertThat(e.fatal()).isTrue();
        }).hasMessageStartingWith("gave up after 3 attempts: ").hasMessageContaining("Connection refused");
        assertThat(time.sleeps()).as("two backoffs, below 1 s and 2 s").hasSize(2)
                .allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofSeconds(2)));
    }

    @Test
    void anUnknownHostIsRetriedOnlyBrieflyThenFatal() {
        AtomicInteger calls = new AtomicInteger();
        ModelClient unknownHost = new ModelClient() {
            @Override
            public ModelSpec spec() {
                return ModelSpec.parse("openai/gpt-4o-mini");
            }

            @Override
            public ModelResponse complete(ModelRequest request) {
                calls.incrementAndGet();
                throw new ModelException(-1, true, null, "POST https://api.example.invalid/v1 failed",
                        new IOException("lookup failed", new UnknownHostException("api.example.invalid")));
            }
        };

        assertThatThrownBy(() -> new RetryingClient(unknownHost, RetryPolicy.defaults(), time, new Random(42)).complete(HELLO))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.fatal()).isTrue())
                .hasMessageStartingWith("gave up after 3 attempts: ");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        server.enqueue(Reply.drop(), Reply.text("done"));

        ModelResponse response = client().complete(HELLO);

        assertThat(response.text()).isEqualTo("done");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.requests()).hasSize(2);
        server.defaultReply(Reply.drop());
        assertThatThrownBy(() -> client().complete(HELLO))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.fatal()).as("the server is there").isFalse())
                .hasMessageStartingWith("gave up after 4 attempts: ");
    }

    @Test
    void aTimeoutIsRetried() throws Exception {
        server.enqueue(Reply.text("too late").after(Duration.ofSeconds(5)), Reply.text("in time"));

        ModelResponse response = client(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ofMillis(200))
                .complete(HELLO);

        assertThat(response.text()).isEqualTo("in time");
        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void aTimeoutOnTheLastAttemptSaysItTimedOut() {
        server.enqueue(Reply.text("too late").after(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> client(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ofMillis(200))
                .complete(HELLO))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.status()).isEqualTo(-1))
                .hasMessageStartingWith("gave up after 1 attempt: ")
                .hasMessageContaining("timed out after 200 ms");
    }

    @Test
    void anInterruptedCallEndsAtOnceWithInterruptedExceptionOnAVirtualThread() throws Exception {
        server.enqueue(Reply.text("too late").after(Duration.ofSeconds(30)));
        RetryingClient client = client(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ofSeconds(60));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                client.complete(HELLO);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        while (server.requests().isEmpty()) {
            Thread.sleep(5);
        }

        caller.interrupt();

        assertThat(caller.join(Duration.ofSeconds(5))).as("the call ended after its interruption").isTrue();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(server.requests()).as("an interruption is not retried").hasSize(1);
    }
}
