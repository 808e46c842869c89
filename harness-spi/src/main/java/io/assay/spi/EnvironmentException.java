package io.assay.spi;

/**
 * The harness or the environment broke, not the agent: a container did not start, a service was
 * unreachable. Recorded as a harness error, excluded from the score, and retried with
 * {@code --retry-errors} (ABC T.3: an infrastructure failure must never silently score 0). A
 * failure that will recur in every trial (a rejected key) is a {@link FatalEnvironmentException}.
 *
 * <pre>{@code
 * throw new EnvironmentException("container did not start within 30 s", cause);
 * }</pre>
 */
public class EnvironmentException extends RuntimeException {

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
