package io.assay.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible judge whose reply depends on what it is asked. The models test-jar's
 * fakes reply in a fixed order, which suits one check graded by a test; an audit grades many
 * outputs in an order its probes and summary decide, so this fake reads the reference and the
 * agent's answer out of the judge prompt and lets the test's {@code judge} function reply.
 */
final class JudgeServer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Function<Question, String> judge;
    private final AtomicInteger requests = new AtomicInteger();

    /** What the judge was asked, read from the prompt's sections. */
    record Question(String reference, String answer) {

        private static Question of(String prompt) {
            return new Question(section(prompt, "REFERENCE ANSWER"), section(prompt, "AGENT ANSWER"));
        }

        private static String section(String prompt, String name) {
            Matcher matcher = Pattern.compile("(?s)=== BEGIN " + name + " (\\w+) ===\\n(.*?)\\n=== END " + name + " \\1 ===")
                    .matcher(prompt);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + name + " section in the judge prompt: " + prompt);
            }
            return matcher.group(2);
        }
    }

    /** @param judge the reply text for each question */
    JudgeServer(Function<Question, String> judge) {
        this.judge = judge;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** The verdict format's reply. */
    static String verdict(boolean correct, String reason) {
        return "{\"verdict\": \"" + (correct ? "correct" : "incorrect") + "\", \"reason\": \"" + reason + "\"}";
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String prompt = request.path("messages").path(1).path("content").asText();
            Map<String, Object> body = Map.of("id", "chatcmpl-judge", "object", "chat.completion",
                    "model", request.path("model").asText(),
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", judge.apply(Question.of(prompt))))),
                    "usage", Map.of("prompt_tokens", 100, "completion_tokens", 20, "total_tokens", 120));
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
