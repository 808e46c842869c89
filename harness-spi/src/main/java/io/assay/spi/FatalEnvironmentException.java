package io.assay.spi;

/**
 * An {@link EnvironmentException} that will fail every trial the same way: a rejected API key, an
 * endpoint or model that does not exist, a service that nothing answers for. Thrown by an agent,
 * an environment or a reward check, it ends the trial as a harness error that is not retried; once
 * a few trials in a row fail with the same message, the run stops scheduling trials and ends as
 * {@code aborted}, resumable after the cause is fixed, instead of failing every remaining trial.
 *
 * <pre>{@code
 * if (response.statusCode() == 401) {
 *     throw new FatalEnvironmentException("HTTP 401 from " + url + ": the API key was refused");
 * }
 * }</pre>
 */
public class FatalEnvironmentException extends EnvironmentException {

    public FatalEnvironmentException(String message) {
        super(message);
    }

    public FatalEnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
