package io.assay.models;

import io.assay.spi.Tool;

/**
 * Passes each call of another client through a {@link RateLimiter}. Put it under the
 * {@link RetryingClient}, so every attempt counts against the limits and a retry's backoff does not
 * hold a concurrency slot.
 */
public final class LimitedClient implements ModelClient {

    /** Roughly four characters a token for English and JSON; only the limiter's first guess relies on it. */
    private static final int CHARS_PER_TOKEN = 4;

    private final ModelClient delegate;
    private final RateLimiter limiter;

    public LimitedClient(ModelClient delegate, RateLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public ModelSpec spec() {
        return delegate.spec();
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws InterruptedException {
        try (RateLimiter.Permit permit = limiter.acquire(estimateTokens(request))) {
            try {
                ModelResponse response = delegate.complete(request);
                permit.settle(response.usage().totalTokens());
                return response;
            } catch (ModelException e) {
                // A failed call spends (almost) no tokens; keeping the estimate booked would starve
                // the retries that follow.
                permit.settle(0);
                throw e;
            }
        }
    }

    /** The input's size in tokens, guessed from its characters, plus the most the model may write. */
    static long estimateTokens(ModelRequest request) {
        long chars = 0;
        for (ChatMessage message : request.messages()) {
            chars += message.text().length();
            for (ToolCall call : message.toolCalls()) {
                chars += call.name().length() + ModelJson.write(call.arguments()).length();
            }
        }
        for (Tool tool : request.tools()) {
            chars += tool.name().length() + tool.description().length() + ModelJson.write(tool.parameters()).length();
        }
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + request.maxTokens();
    }

    @Override
    public String toString() {
        return "LimitedClient[" + delegate + "]";
    }
}
