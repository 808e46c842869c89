package io.assay.models;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs JSON to one model endpoint and turns every failure into a {@link ModelException}: 408, 429
 * and 5xx, timeouts, dropped and refused connections and unknown hosts are retryable; other
 * statuses are not. Whatever the endpoint echoes is stripped of the key before it reaches a message.
 */
final class JsonEndpoint {

    private final URI uri;
    private final Duration timeout;
    private final ApiKey key;
    private final CloseableHttpClient http;

    JsonEndpoint(String url, Duration timeout, ApiKey key) {
        this.uri = URI.create(url);
        this.timeout = timeout;
        this.key = key;
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // How many calls run at once is the run's concurrency and the model's limits
                        // to decide; the pool's default of five per host would queue trials silently.
                        .setMaxConnTotal(Integer.MAX_VALUE)
                        .setMaxConnPerRoute(Integer.MAX_VALUE)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .useSystemProperties() // javax.net.ssl.* trust and key stores, as the JDK's clients
                        .setTlsSocketStrategy(EndpointTls.of(uri, DefaultClientTlsStrategy::createSystemDefault))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                .useSystemProperties() // http(s).proxyHost and friends
                // Retries belong to RetryingClient, which backs off, honours Retry-After and counts
                // attempts; a second, silent layer would resend (and re-bill) calls behind its back.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    /** The response body of a successful call (not yet redacted) and how long it took. */
    record Exchange(String body, Duration latency) {
    }

    /** What came back, whatever the status. */
    private record Reply(int status, String body, String retryAfter) {
    }

    Exchange post(Map<String, String> headers, String body) throws InterruptedException {
        HttpPost request = new HttpPost(uri);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        headers.forEach(request::setHeader);
        long start = System.nanoTime();
        Reply reply;
        try {
            reply = http.execute(request, response -> {
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Reply(response.getCode(),
                        // Bytes, then one decode: EntityUtils.toString decodes through a Reader, which showed in profiles.
                        response.getEntity() == null ? ""
                                : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8),
                        retryAfter == null ? null : retryAfter.getValue());
            });
        } catch (IOException e) {
            if (Thread.interrupted()) {
                // A virtual thread interrupted in a socket read sees the socket closed, not an InterruptedException.
                InterruptedException interrupted = new InterruptedException("interrupted during POST " + uri);
                interrupted.initCause(e);
                throw interrupted;
            }
            if (e instanceof InterruptedIOException) { // connect and read timeouts
                throw new ModelException(-1, true, null,
                        "POST " + uri + " timed out after " + timeout.toMillis() + " ms", e);
            }
            throw new ModelException(-1, true, null, "POST " + uri + " failed: "
                    + key.redact(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName() + ")", e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        int status = reply.status();
        if (status / 100 == 2) {
            return new Exchange(reply.body(), latency);
        }
        boolean retryable = status == 408 || status == 429 || status / 100 == 5;
        Duration retryAfter = RetryAfter.parse(reply.retryAfter(), Instant.now());
        throw new ModelException(status, retryable, retryAfter,
                "HTTP " + status + " from POST " + uri + ": " + ModelJson.excerpt(key.redact(reply.body())), null);
    }

    String describe() {
        return "POST " + uri;
    }
}
