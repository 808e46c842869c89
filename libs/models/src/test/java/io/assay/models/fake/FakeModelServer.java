package io.assay.models.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A model endpoint on loopback for tests: real HTTP, scripted replies, recorded requests. Each
 * request takes the next {@link Reply} from the script, or the default reply once the script is
 * used up, after the default latency unless the reply says otherwise. Handlers run on virtual
 * threads and wait by sleeping, so hundreds of slow requests can be in flight at once.
 *
 * <pre>{@code
 * try (FakeOpenAiServer server = new FakeOpenAiServer()) {
 *     server.enqueue(Reply.rateLimited("2"), Reply.text("Paris"));
 *     ModelSpec spec = ModelSpec.parse("openai/gpt-4o-mini").withBaseUrl(server.baseUrl());
 *     ...
 *     assertThat(server.requests()).hasSize(2);
 * }
 * }</pre>
 */
public abstract class FakeModelServer implements AutoCloseable {

    /** Renders JSON; shared by the provider formats. */
    protected static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final String basePath;
    private final String endpointPath;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration defaultLatency = Duration.ZERO;
    private volatile Function<RecordedRequest, Reply> responder = request -> Reply.text("ok");

    /**
     * @param basePath what {@link #baseUrl()} ends with, as the provider's base URL convention has it
     * @param endpointPath the one path answered; others get 404
     */
    protected FakeModelServer(String basePath, String endpointPath) {
        this.basePath = basePath;
        this.endpointPath = endpointPath;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to give a {@code ModelSpec}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + basePath;
    }

    /** Replies for the next requests, in order. */
    public FakeModelServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** How long each reply waits unless it says otherwise; zero at first. */
    public FakeModelServer defaultLatency(Duration latency) {
        this.defaultLatency = latency;
        return this;
    }

    /** The reply once the script is used up; {@code Reply.text("ok")} at first. */
    public FakeModelServer defaultReply(Reply reply) {
        return respondWith(request -> reply);
    }

    /**
     * Replies chosen by what each request asks, once the script is used up: for callers that send
     * requests in an order they do not control, such as an audit grading many answers.
     */
    public FakeModelServer respondWith(Function<RecordedRequest, Reply> chooser) {
        this.responder = chooser;
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The most requests that were being handled at one moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The body of a 200 answer in the provider's format. */
    protected abstract Map<String, Object> render(Reply.Answer answer, String servedModel, int sequence);

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers(exchange), body);
            requests.add(request);
            if (!exchange.getRequestURI().getPath().equals(endpointPath)) {
                send(exchange, 404, Map.of(), "{\"error\": \"no such endpoint\"}");
                return;
            }
            Reply reply = script.poll();
            reply = reply == null ? responder.apply(request) : reply;
            Duration delay = defaultLatency;
            if (reply instanceof Reply.Delayed delayed) {
                delay = delayed.delay();
                reply = delayed.reply();
            }
            if (delay.isPositive()) {
                Thread.sleep(delay);
            }
            switch (reply) {
                case Reply.Drop drop -> {
                    // Closing before any response headers makes the server close the connection.
                }
                case Reply.Raw raw -> send(exchange, raw.status(), raw.headers(), raw.body());
                case Reply.Answer answer -> send(exchange, 200, Map.of("Content-Type", "application/json"),
                        MAPPER.writeValueAsString(render(answer, servedModel(answer, body), served.incrementAndGet())));
                case Reply.Delayed nested -> throw new IllegalStateException("nested delays: " + nested);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static String servedModel(Reply.Answer answer, String requestBody) throws JsonProcessingException {
        if (answer.servedModel() != null) {
            return answer.servedModel();
        }
        JsonNode model = MAPPER.readTree(requestBody).get("model");
        return model == null ? "unknown" : model.asText();
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return headers;
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops at once, interrupting replies still waiting out their latency. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
