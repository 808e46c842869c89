package io.assay.models;

import java.time.Duration;
import java.util.Optional;

/**
 * A model call failed: an HTTP error, a timeout, a dropped connection or a response that is not
 * what the API promises. The message says which endpoint and what went wrong, with a short excerpt
 * of the body; it never contains the API key.
 */
public final class ModelException extends RuntimeException {

    private final int status;
    private final boolean retryable;
    private final Duration retryAfter;

    public ModelException(int status, boolean retryable, String message) {
        this(status, retryable, null, message, null);
    }

    /**
     * @param status the HTTP status, or -1 when no response came
     * @param retryable whether trying again may succeed (429, 5xx, timeouts, dropped connections)
     * @param retryAfter the wait the endpoint asked for, or {@code null}
     */
    public ModelException(int status, boolean retryable, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or -1 when no response came. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the endpoint asked for with {@code Retry-After}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
