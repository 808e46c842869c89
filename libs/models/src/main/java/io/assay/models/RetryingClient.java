package io.assay.models;

import java.time.Duration;
import java.util.Random;

/**
 * Retries the retryable failures of another client (429, 5xx, timeouts, dropped connections) per a
 * {@link RetryPolicy}; other failures (400, 401, malformed responses) fail at once. An unreachable
 * endpoint (unknown host, refused connection) is retried at most {@value #UNREACHABLE_ATTEMPTS}
 * attempts in all: enough for a server that is restarting, while one that is down fails the trial
 * in seconds (at most 3 s of backoff with the default policy), not after a minute of backoff. The
 * response reports how many attempts it took; giving up says after how many.
 */
public final class RetryingClient implements ModelClient {
    static final int UNREACHABLE_ATTEMPTS = 3;

    private final ModelClient delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Random random;

    public RetryingClient(ModelClient delegate, RetryPolicy policy) {
        this(delegate, policy, Sleeper.SYSTEM, new Random());
    }

    /** With a given sleeper and random source, so tests see the waits and get the same jitter every run. */
    public RetryingClient(ModelClient delegate, RetryPolicy policy, Sleeper sleeper, Random random) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public ModelSpec spec() {
        return delegate.spec();
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.complete(request).withAttempts(attempt);
            } catch (ModelException e) {
                if (!e.retryable()) {
                    throw e;
                }
                int attempts = e.unreachable() ? Math.min(UNREACHABLE_ATTEMPTS, policy.maxAttempts()) : policy.maxAttempts();
                if (attempt >= attempts) {
                    throw new ModelException(e.status(), true, null,
                            "gave up after " + attempt + (attempt == 1 ? " attempt: " : " attempts: ") + e.getMessage(), e);
                }
                Duration wait = e.retryAfter().isPresent() ? e.retryAfter().get() : backoff(attempt);
                sleeper.sleep(wait);
            }
        }
    }

    private Duration backoff(int retry) {
        double nanos;
        synchronized (random) {
            nanos = random.nextDouble() * policy.ceiling(retry).toNanos();
        }
        return Duration.ofNanos((long) nanos);
    }

    @Override
    public String toString() {
        return "RetryingClient[" + delegate + ", " + policy + "]";
    }
}
