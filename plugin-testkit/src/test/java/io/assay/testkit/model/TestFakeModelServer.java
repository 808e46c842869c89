package io.assay.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestFakeModelServer {
    private static final String OPENAI_REQUEST = "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Capital of France?\"}]}";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final FakeOpenAiServer openAi = new FakeOpenAiServer();

    @AfterEach
    void close() {
        openAi.close();
        client.close();
    }

    @Test
    void answersInOpenAisFormatEchoingTheRequestedModel() throws Exception {
        openAi.enqueue(Reply.text("Paris"));

        HttpResponse<String> response = post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse("""
                {"id": "chatcmpl-fake-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini",
                 "system_fingerprint": "fp_fake",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Paris"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}"""));
    }

    @Test
    void openAiToolCallsCarryTheirArgumentsAsJsonText() throws Exception {
        openAi.enqueue(Reply.toolCall("call_1", "lookup", Map.of("id", "7")).servedAs("gpt-4o-2024").withUsage(3, 4));

        Object body = Json.parse(post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST).body());

        assertThat(body).asInstanceOf(MAP)
                .containsEntry("model", "gpt-4o-2024")
                .containsEntry("choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls", "message",
                        Json.parse("{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\", "
                                + "\"type\": \"function\", \"function\": {\"name\": \"lookup\", \"arguments\": \"{\\\"id\\\":\\\"7\\\"}\"}}]}"))))
                .containsEntry("usage", Map.of("prompt_tokens", 3, "completion_tokens", 4, "total_tokens", 7));
    }

    @Test
    void answersInAnthropicsFormat() throws Exception {
        try (FakeAnthropicServer anthropic = new FakeAnthropicServer()) {
            anthropic.enqueue(new Reply.Answer("Checking.", List.of(new Reply.ToolCall("toolu_5", "find_order", Map.of("id", "7"))),
                    "claude-test", null, 40, 9));

            HttpResponse<String> response = post(anthropic.baseUrl() + "/v1/messages", "{\"model\": \"claude\"}");

            assertThat(Json.parse(response.body())).isEqualTo(Json.parse("""
                    {"id": "msg_fake_1", "type": "message", "role": "assistant", "model": "claude-test",
                     "content": [{"type": "text", "text": "Checking."},
                                 {"type": "tool_use", "id": "toolu_5", "name": "find_order", "input": {"id": "7"}}],
                     "stop_reason": "tool_use", "stop_sequence": null,
                     "usage": {"input_tokens": 40, "output_tokens": 9}}"""));
        }
    }

    @Test
    void repliesFollowTheScriptThenTheDefault() throws Exception {
        openAi.enqueue(Reply.rateLimited("7"), Reply.status(401, "{\"error\": \"bad key\"}"));
        openAi.defaultReply(Reply.malformed("not json"));

        HttpResponse<String> limited = post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST);
        HttpResponse<String> refused = post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST);
        HttpResponse<String> malformed = post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"error\": \"bad key\"}");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).isEqualTo("not json");
    }

    @Test
    void recordsEveryRequestWithItsHeadersAndBody() throws Exception {
        post(openAi.baseUrl() + "/chat/completions?debug=1", OPENAI_REQUEST, "Authorization", "Bearer sk-test");

        RecordedRequest request = openAi.requests().getFirst();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer sk-test");
        assertThat(request.header("X-Absent")).isNull();
        assertThat(request.body()).isEqualTo(OPENAI_REQUEST);
        assertThat(request.json()).containsEntry("model", "gpt-4o-mini");
    }

    @Test
    void readsAChunkedBody() throws Exception {
        byte[] bytes = OPENAI_REQUEST.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(openAi.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(openAi.requests().getFirst().header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(openAi.requests().getFirst().body()).isEqualTo(OPENAI_REQUEST);
    }

    @Test
    void servesManyRequestsOnOneKeptAliveConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST).statusCode()).isEqualTo(200);
        }

        assertThat(openAi.requests()).hasSize(3);
        assertThat(Json.parse(post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST).body()))
                .asInstanceOf(MAP).containsEntry("id", "chatcmpl-fake-4");
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        HttpResponse<String> response = post(openAi.baseUrl() + "/completions", OPENAI_REQUEST);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(openAi.requests()).extracting(RecordedRequest::path).containsExactly("/v1/completions");
    }

    @Test
    void aDroppedRequestGetsNoResponse() throws Exception {
        openAi.enqueue(Reply.drop());

        assertThatThrownBy(() -> post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST)).isInstanceOf(IOException.class);
        assertThat(openAi.requests()).hasSize(1);
    }

    @Test
    void repliesMayDependOnTheRequest() throws Exception {
        openAi.respondWith(request -> Reply.text("you asked " + request.json().get("model")));

        assertThat(post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST).body()).contains("you asked gpt-4o-mini");
    }

    @Test
    void aResponderThatBreaksIsAServerErrorNamingWhatBroke() throws Exception {
        openAi.respondWith(request -> {
            throw new IllegalStateException("no judge prompt");
        });

        HttpResponse<String> response = post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("the fake model server failed: java.lang.IllegalStateException: no judge prompt");
    }

    @Test
    void slowRepliesAreInFlightTogether() throws Exception {
        int clients = 20;
        CountDownLatch allArrived = new CountDownLatch(clients);
        openAi.respondWith(request -> {
            allArrived.countDown();
            try {
                allArrived.await(); // every request is in flight before any is answered
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.text("ok");
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> responses = IntStream.range(0, clients)
                    .mapToObj(i -> callers.submit(() -> post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST)))
                    .toList();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
        }

        assertThat(openAi.maxInFlight()).isEqualTo(clients);
    }

    @Test
    void closingStopsRepliesStillWaitingOutTheirLatency() throws Exception {
        openAi.enqueue(Reply.text("too late").after(Duration.ofMinutes(10)));
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> response = caller.submit(() -> post(openAi.baseUrl() + "/chat/completions", OPENAI_REQUEST));
            while (openAi.requests().isEmpty()) {
                Thread.sleep(5);
            }

            openAi.close();

            assertThatThrownBy(response::get).hasCauseInstanceOf(IOException.class);
        }
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
