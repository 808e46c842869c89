package io.assay.models;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * POSTs JSON to one model endpoint and turns every failure into a {@link ModelException}: 408, 429
 * and 5xx, timeouts and dropped connections are retryable; other statuses are not. Whatever the
 * endpoint echoes is stripped of the key before it reaches a message.
 */
final class JsonEndpoint {

    private final URI uri;
    private final Duration timeout;
    private final ApiKey key;
    private final HttpClient http;

    JsonEndpoint(String url, Duration timeout, ApiKey key) {
        this.uri = URI.create(url);
        this.timeout = timeout;
        this.key = key;
        // Plain-http endpoints (local vLLM, Ollama, fakes) get HTTP/1.1: the h2c upgrade a POST would
        // otherwise attempt is mishandled by some of those servers.
        this.http = HttpClient.newBuilder()
                .version("https".equals(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** The response body of a successful call (not yet redacted) and how long it took. */
    record Exchange(String body, Duration latency) {
    }

    Exchange post(Map<String, String> headers, String body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ModelException(-1, true, null,
                    "POST " + uri + " timed out after " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ModelException(-1, true, null, "POST " + uri + " failed: "
                    + key.redact(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName() + ")", e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Exchange(response.body(), latency);
        }
        boolean retryable = status == 408 || status == 429 || status / 100 == 5;
        Duration retryAfter = RetryAfter.parse(
                response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        throw new ModelException(status, retryable, retryAfter,
                "HTTP " + status + " from POST " + uri + ": " + ModelJson.excerpt(key.redact(response.body())), null);
    }

    String describe() {
        return "POST " + uri;
    }
}
