package io.assay.models.fake;

import io.assay.models.ToolCall;
import io.assay.models.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FakeModelServer} does with one request: answer (text or tool calls, rendered in its
 * provider's format), answer with an HTTP error or a raw body, or drop the connection; optionally
 * after a delay other than the server's default latency.
 *
 * <pre>{@code
 * server.enqueue(Reply.rateLimited("7"), Reply.serverError().after(Duration.ofMillis(50)), Reply.text("4"));
 * }</pre>
 */
public sealed interface Reply {

    /** A well-formed answer. {@code servedModel} null echoes the requested model. */
    record Answer(String text, List<ToolCall> toolCalls, String servedModel, String fingerprint, Usage usage)
            implements Reply {

        public Answer {
            toolCalls = List.copyOf(toolCalls);
        }

        /** The same answer claiming to come from {@code model}. */
        public Answer servedAs(String model) {
            return new Answer(text, toolCalls, model, fingerprint, usage);
        }

        /** The same answer with another OpenAI {@code system_fingerprint}. */
        public Answer withFingerprint(String value) {
            return new Answer(text, toolCalls, servedModel, value, usage);
        }

        public Answer withUsage(long inputTokens, long outputTokens) {
            return new Answer(text, toolCalls, servedModel, fingerprint, new Usage(inputTokens, outputTokens));
        }
    }

    /** A response with this status, headers and body, sent as is. */
    record Raw(int status, Map<String, String> headers, String body) implements Reply {
    }

    /** Reads the request, then closes the connection without a response. */
    record Drop() implements Reply {
    }

    /** {@code reply} after {@code delay} instead of the server's default latency. */
    record Delayed(Duration delay, Reply reply) implements Reply {

        public Delayed {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(reply, "reply");
        }
    }

    static Answer text(String text) {
        return new Answer(text, List.of(), null, "fp_fake", new Usage(10, 5));
    }

    static Answer toolCall(String id, String name, Map<String, Object> arguments) {
        return new Answer("", List.of(new ToolCall(id, name, arguments)), null, "fp_fake", new Usage(10, 5));
    }

    static Reply status(int status, String body) {
        return new Raw(status, Map.of("Content-Type", "application/json"), body);
    }

    /** 429 with {@code Retry-After: retryAfter} (seconds or an HTTP date). */
    static Reply rateLimited(String retryAfter) {
        return new Raw(429, Map.of("Content-Type", "application/json", "Retry-After", retryAfter),
                "{\"error\": {\"type\": \"rate_limit_error\", \"message\": \"rate limited\"}}");
    }

    static Reply serverError() {
        return status(500, "{\"error\": {\"type\": \"server_error\", \"message\": \"internal error\"}}");
    }

    /** 200 with a body that is not the API's JSON. */
    static Reply malformed(String body) {
        return status(200, body);
    }

    static Reply drop() {
        return new Drop();
    }

    default Reply after(Duration delay) {
        return new Delayed(delay, this);
    }
}
