package io.assay.testkit.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Answers like an endpoint with a tokenizer of its own: each answer reports as input tokens a fixed
 * chat-template overhead plus the tokens of every message's text, counted by the function given
 * (the test brings the tokenizer; this kit needs only the JDK). For {@link FakeModelServer#respondWith}
 * on a {@link FakeOpenAiServer}, whose requests carry {@code messages[].content}.
 *
 * <pre>{@code
 * server.respondWith(new TokenCountingResponder(text -> cl100k.countTokens(text), 7,
 *         request -> Reply.text("I am a fake model.")));
 * }</pre>
 *
 * @param tokens the tokens of one message's text
 * @param overhead what the endpoint adds to every request's count
 * @param answers the answer to each request; its input tokens are replaced, its output tokens kept
 */
public record TokenCountingResponder(ToLongFunction<String> tokens, long overhead,
                                     Function<RecordedRequest, Reply.Answer> answers) implements Function<RecordedRequest, Reply> {

    @Override
    public Reply apply(RecordedRequest request) {
        long input = overhead;
        if (request.json().get("messages") instanceof List<?> messages) {
            for (Object message : messages) {
                if (message instanceof Map<?, ?> fields && fields.get("content") instanceof String text) {
                    input += tokens.applyAsLong(text);
                }
            }
        }
        Reply.Answer answer = answers.apply(request);
        return answer.withUsage(input, answer.outputTokens());
    }
}
