package io.assay.spi;

/**
 * Thrown by a reward check that could not reach a verdict, such as an LLM judge whose reply does
 * not follow the verdict format. The trial ends as {@link Outcome#JUDGE_ERROR}: shown in the
 * summary, not scored, and never silently counted as incorrect.
 *
 * <pre>{@code
 * if (!reply.matches("(?s)\\s*\\{.*\\}\\s*")) {
 *     throw new VerdictException("judge reply is not the JSON verdict: " + reply);
 * }
 * }</pre>
 */
public class VerdictException extends RuntimeException {

    public VerdictException(String message) {
        super(message);
    }

    public VerdictException(String message, Throwable cause) {
        super(message, cause);
    }
}
