package io.assay.models;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ModelClients#create} builds a client.
 *
 * @param requestTimeout the longest one attempt may take, connecting included
 * @param retry the retry policy
 * @param limits the model's concurrency and rate limits
 */
public record ModelSettings(Duration requestTimeout, RetryPolicy retry, RateLimits limits) {

    public ModelSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(limits, "limits");
        if (!requestTimeout.isPositive()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** Ten-minute attempts (long generations are slow), {@link RetryPolicy#defaults()}, no limits. */
    public static ModelSettings defaults() {
        return new ModelSettings(Duration.ofMinutes(10), RetryPolicy.defaults(), RateLimits.NONE);
    }

    public ModelSettings withRequestTimeout(Duration timeout) {
        return new ModelSettings(timeout, retry, limits);
    }

    public ModelSettings withRetry(RetryPolicy policy) {
        return new ModelSettings(requestTimeout, policy, limits);
    }

    public ModelSettings withLimits(RateLimits rateLimits) {
        return new ModelSettings(requestTimeout, retry, rateLimits);
    }
}
