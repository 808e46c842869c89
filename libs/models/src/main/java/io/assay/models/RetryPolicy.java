package io.assay.models;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingClient} retries: at most {@code maxAttempts} attempts, waiting before retry n a
 * random time between zero and {@code min(maxDelay, baseDelay * 2^(n-1))} ("full jitter", so many
 * trials throttled at once do not retry in lockstep), or exactly what {@code Retry-After} asks.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param baseDelay the backoff before the first retry
 * @param maxDelay the cap of the backoff
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
        }
    }

    /** Six attempts, backoff from 1 s capped at 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The backoff ceiling before retry {@code retry} (1 for the first retry). */
    Duration ceiling(int retry) {
        int doublings = Math.min(retry - 1, 62);
        long nanos = baseDelay.toNanos() > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : baseDelay.toNanos() << doublings;
        return Duration.ofNanos(Math.min(nanos, maxDelay.toNanos()));
    }
}
