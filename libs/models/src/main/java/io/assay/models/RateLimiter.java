package io.assay.models;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Semaphore;

/**
 * Holds one model's calls to its {@link RateLimits}: a semaphore for concurrency and two token
 * buckets, one for requests and one for tokens per minute, each refilled continuously and able to
 * burst up to a minute's worth.
 *
 * <p>A call reserves before it starts: the buckets may go into debt and the caller waits until the
 * debt would be repaid, so waiting callers are served in the order they reserved. The token cost is
 * an estimate made from the request; {@link Permit#settle} books the real usage afterwards.
 *
 * <pre>{@code
 * try (RateLimiter.Permit permit = limiter.acquire(estimatedTokens)) {
 *     ModelResponse response = client.complete(request);
 *     permit.settle(response.usage().totalTokens());
 * }
 * }</pre>
 */
public final class RateLimiter {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final Semaphore concurrency;
    private final Bucket requests;
    private final Bucket tokens;
    private final InstantSource clock;
    private final Sleeper sleeper;

    public RateLimiter(RateLimits limits) {
        this(limits, InstantSource.system(), Sleeper.SYSTEM);
    }

    /** With a given clock and sleeper, so tests can run minutes of traffic without waiting. */
    public RateLimiter(RateLimits limits, InstantSource clock, Sleeper sleeper) {
        this.concurrency = limits.maxConcurrent() == 0 ? null : new Semaphore(limits.maxConcurrent(), true);
        this.clock = clock;
        this.sleeper = sleeper;
        long now = nanos();
        this.requests = limits.requestsPerMinute() == 0 ? null : new Bucket(limits.requestsPerMinute(), now);
        this.tokens = limits.tokensPerMinute() == 0 ? null : new Bucket(limits.tokensPerMinute(), now);
    }

    /** Waits until a call estimated at {@code estimatedTokens} may start; close the permit when it ends. */
    public Permit acquire(long estimatedTokens) throws InterruptedException {
        if (concurrency != null) {
            concurrency.acquire();
        }
        try {
            Duration wait = reserve(estimatedTokens);
            if (wait.isPositive()) {
                sleeper.sleep(wait);
            }
        } catch (InterruptedException | RuntimeException e) {
            release();
            throw e;
        }
        return new Permit(estimatedTokens);
    }

    private synchronized Duration reserve(long estimatedTokens) {
        long now = nanos();
        double wait = 0;
        if (requests != null) {
            wait = requests.take(1, now);
        }
        if (tokens != null) {
            wait = Math.max(wait, tokens.take(estimatedTokens, now));
        }
        return Duration.ofNanos((long) Math.ceil(wait));
    }

    private synchronized void refund(long tokenCount) {
        if (tokens != null) {
            tokens.give(tokenCount, nanos());
        }
    }

    private void release() {
        if (concurrency != null) {
            concurrency.release();
        }
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A started call's hold on the limiter. */
    public final class Permit implements AutoCloseable {

        private final long estimatedTokens;
        private boolean closed;

        private Permit(long estimatedTokens) {
            this.estimatedTokens = estimatedTokens;
        }

        /** Books the tokens the call really used in place of the estimate. */
        public void settle(long actualTokens) {
            refund(estimatedTokens - actualTokens);
        }

        /** Frees the concurrency slot; closing twice frees it once. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release();
            }
        }
    }

    /** A token bucket of {@code perMinute} capacity, refilled at {@code perMinute} a minute, allowed into debt. */
    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double available;
        private long updated;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.perNano = perMinute / NANOS_PER_MINUTE;
            this.available = perMinute;
            this.updated = now;
        }

        /** Takes {@code amount}; returns the nanoseconds until the debt this leaves is repaid. */
        double take(long amount, long now) {
            refill(now);
            available -= amount;
            return available >= 0 ? 0 : -available / perNano;
        }

        void give(long amount, long now) {
            refill(now);
            available = Math.min(capacity, available + amount);
        }

        private void refill(long now) {
            if (now > updated) {
                available = Math.min(capacity, available + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
