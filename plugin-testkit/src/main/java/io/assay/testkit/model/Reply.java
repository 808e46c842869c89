package io.assay.testkit.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    /**
     * A tool call the answer asks for.
     *
     * <pre>{@code
     * new Reply.Answer("Looking it up.", List.of(new Reply.ToolCall("call_1", "lookup", Map.of("id", "7"))),
     *         null, null, 10, 5);
     * }</pre>
     *
     * @param id the provider's id for the call, which the tool's result quotes
     * @param arguments plain JSON values
     */
    record ToolCall(String id, String name, Map<String, Object> arguments) {

        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        }
    }

    /**
     * A well-formed answer.
     *
     * <pre>{@code
     * Reply.text("ANSWER: 5").servedAs("gpt-4o-mini-2024-07-18").withFingerprint("fp_44").withUsage(60, 12);
     * }</pre>
     *
     * @param servedModel the model the answer claims to come from; {@code null} echoes the requested model
     * @param fingerprint OpenAI's {@code system_fingerprint}, may be {@code null}
     * @param inputTokens the usage reported for the prompt
     * @param outputTokens the usage reported for the answer
     */
    record Answer(String text, List<ToolCall> toolCalls, String servedModel, String fingerprint,
                  long inputTokens, long outputTokens) implements Reply {

        public Answer {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }

        /** The same answer claiming to come from {@code model}. */
        public Answer servedAs(String model) {
            return new Answer(text, toolCalls, model, fingerprint, inputTokens, outputTokens);
        }

        /** The same answer with another OpenAI {@code system_fingerprint}. */
        public Answer withFingerprint(String value) {
            return new Answer(text, toolCalls, servedModel, value, inputTokens, outputTokens);
        }

        /** The same answer reporting another token usage. */
        public Answer withUsage(long input, long output) {
            return new Answer(text, toolCalls, servedModel, fingerprint, input, output);
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

    /** A text answer; usage 10 tokens in, 5 out. */
    static Answer text(String text) {
        return new Answer(text, List.of(), null, "fp_fake", 10, 5);
    }

    /** An answer asking for one tool call; usage 10 tokens in, 5 out. */
    static Answer toolCall(String id, String name, Map<String, Object> arguments) {
        return new Answer("", List.of(new ToolCall(id, name, arguments)), null, "fp_fake", 10, 5);
    }

    /** A JSON body with this HTTP status. */
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

    /** This reply after {@code delay}. */
    default Reply after(Duration delay) {
        return new Delayed(delay, this);
    }
}
