package io.assay.models;

/**
 * Per-model limits a {@link RateLimiter} enforces; 0 means unlimited.
 *
 * @param maxConcurrent requests in flight at once
 * @param requestsPerMinute requests started per minute
 * @param tokensPerMinute input plus output tokens per minute
 */
public record RateLimits(int maxConcurrent, int requestsPerMinute, int tokensPerMinute) {

    public static final RateLimits NONE = new RateLimits(0, 0, 0);

    public RateLimits {
        if (maxConcurrent < 0 || requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be 0 (unlimited) or positive, got " + maxConcurrent
                    + " concurrent, " + requestsPerMinute + " rpm, " + tokensPerMinute + " tpm");
        }
    }
}
