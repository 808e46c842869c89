package io.assay.testkit.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A model endpoint on loopback for tests: real HTTP, scripted replies, recorded requests. Each
 * request takes the next {@link Reply} from the script, or the default reply once the script is
 * used up, after the default latency unless the reply says otherwise. Each connection is served
 * on its own virtual thread, kept alive as HTTP/1.1 clients expect, and waits by sleeping, so
 * hundreds of slow requests can be in flight at once; the performance benchmarks run it as their
 * model endpoint ({@code harness-bench}'s {@code FakeModelEndpoint}).
 * {@link FakeOpenAiServer} and {@link FakeAnthropicServer} speak the two providers' formats.
 *
 * <pre>{@code
 * try (FakeOpenAiServer server = new FakeOpenAiServer()) {
 *     server.enqueue(Reply.rateLimited("2"), Reply.text("Paris"));
 *     Options agent = Specs.options("agent", "model", "openai/gpt-4o-mini", "base_url", server.baseUrl());
 *     ...
 *     assertEquals(2, server.requests().size());
 * }
 * }</pre>
 */
public abstract class FakeModelServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
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
     * Starts listening on a free loopback port.
     *
     * @param basePath what {@link #baseUrl()} ends with, as the provider's base URL convention has it
     * @param endpointPath the one path answered; others get 404
     */
    protected FakeModelServer(String basePath, String endpointPath) {
        this.basePath = basePath;
        this.endpointPath = endpointPath;
        try {
            server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port", e);
        }
        handlers.execute(this::accept);
    }

    /** The base URL to give a model client, such as an agent's {@code base_url} option. */
    public String baseUrl() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + basePath;
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

    /**
     * The body of a 200 answer in the provider's format, as plain JSON values.
     *
     * @param servedModel the answer's model, or else the requested one
     * @param sequence 1 for the first answer served, then 2, ...: for response ids
     */
    protected abstract Map<String, Object> render(Reply.Answer answer, String servedModel, int sequence);

    private void accept() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return; // close() closed the server socket
            }
            try {
                HttpConnection connection = new HttpConnection(socket);
                connections.add(connection);
                handlers.execute(() -> serve(connection));
            } catch (IOException | RejectedExecutionException gone) {
                closeQuietly(socket); // the client left at once, or close() is stopping the server
            }
        }
    }

    /** Answers the requests of one connection until the client closes it or a reply drops it. */
    private void serve(HttpConnection connection) {
        try (connection) {
            RecordedRequest request = connection.next();
            while (request != null && answer(connection, request)) {
                request = connection.next();
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away, or close() stopped the server
        } finally {
            connections.remove(connection);
        }
    }

    /** Answers one request; false when the connection is to be closed. */
    private boolean answer(HttpConnection connection, RecordedRequest request) throws IOException, InterruptedException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            requests.add(request);
            boolean close = "close".equalsIgnoreCase(request.header("Connection"));
            if (!request.path().equals(endpointPath)) {
                connection.respond(404, Map.of("Content-Type", "application/json"), "{\"error\": \"no such endpoint\"}", close);
                return !close;
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
                    return false; // closing without a response
                }
                case Reply.Raw raw -> connection.respond(raw.status(), raw.headers(), raw.body(), close);
                case Reply.Answer answer -> connection.respond(200, Map.of("Content-Type", "application/json"),
                        Json.write(render(answer, servedModel(answer, request), served.incrementAndGet())), close);
                case Reply.Delayed nested -> throw new IllegalStateException("nested delays: " + nested);
            }
            return !close;
        } catch (RuntimeException e) {
            // A script or responder that breaks is the test's mistake: say what it was to the client.
            connection.respond(500, Map.of("Content-Type", "application/json"),
                    Json.write(Map.of("error", Map.of("message", "the fake model server failed: " + e))), true);
            return false;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static String servedModel(Reply.Answer answer, RecordedRequest request) {
        if (answer.servedModel() != null) {
            return answer.servedModel();
        }
        return request.json().get("model") instanceof String model ? model : "unknown";
    }

    /** Stops at once: closes every connection and interrupts replies still waiting out their latency. */
    @Override
    public void close() {
        closeQuietly(server);
        connections.forEach(FakeModelServer::closeQuietly);
        handlers.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception alreadyGone) {
            // nothing left to stop
        }
    }
}
