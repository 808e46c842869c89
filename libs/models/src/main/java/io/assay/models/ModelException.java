package io.assay.models;

import io.assay.spi.EnvironmentException;
import io.assay.spi.FatalEnvironmentException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A model call failed: an HTTP error, a timeout, a dropped connection or a response that is not
 * what the API promises. The message says which endpoint and what went wrong, with a short excerpt
 * of the body; it never contains the API key.
 *
 * <p>Some failures are {@linkplain #fatal() fatal}: every call to the endpoint will fail the same
 * way, so a run should stop rather than fail each of its trials in turn.
 */
public final class ModelException extends RuntimeException {
    /** The key was refused (401), is not allowed the model (403), or the endpoint or model does not exist (404). */
    private static final Set<Integer> FATAL_STATUSES = Set.of(401, 403, 404);

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

    /**
     * Whether no server answers at the endpoint's address: its host name is unknown or the
     * connection was refused. Retryable, as a server may be restarting, but not for long.
     */
    public boolean unreachable() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Whether every call to this endpoint will fail the same way: 401, 403, 404, or unreachable. */
    public boolean fatal() {
        return FATAL_STATUSES.contains(status) || unreachable();
    }

    /**
     * This failure as the SPI reports it, a {@link FatalEnvironmentException} when it is fatal: not
     * the agent's or the judge's fault, so the trial is not scored.
     *
     * @param what what failed, such as {@code "model call failed"}
     */
    public EnvironmentException toEnvironmentException(String what) {
        String message = what + ": " + getMessage();
        return fatal() ? new FatalEnvironmentException(message, this) : new EnvironmentException(message, this);
    }
}
