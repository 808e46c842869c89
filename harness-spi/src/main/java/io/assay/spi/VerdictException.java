package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by a reward check that could not reach a verdict, such as an LLM judge whose reply does
 * not follow the verdict format. The trial ends as {@link Outcome#JUDGE_ERROR}: shown in the
 * summary, not scored, and never silently counted as incorrect. Evidence given here (the judge's
 * reply, the model calls it cost) is kept in the trial's record, and its {@code model_calls} (each
 * a {@link ModelCall}'s step data) count towards the run's usage and cost, as a verdict's evidence would.
 *
 * <pre>{@code
 * if (!reply.matches("(?s)\\s*\\{.*\\}\\s*")) {
 *     throw new VerdictException("judge reply is not the JSON verdict: " + reply,
 *             Map.of("reply", reply, "model_calls", List.of(call.step().data())));
 * }
 * }</pre>
 */
public class VerdictException extends RuntimeException {

    private final Map<String, Object> evidence;

    public VerdictException(String message) {
        this(message, Map.of());
    }

    public VerdictException(String message, Throwable cause) {
        super(message, cause);
        this.evidence = Map.of();
    }

    /** @param evidence JSON-shaped details of the failed attempt, as in {@link RewardResult#evidence()} */
    public VerdictException(String message, Map<String, Object> evidence) {
        super(message);
        this.evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** What the check recorded of its failed attempt; empty when it gave none. */
    public Map<String, Object> evidence() {
        return evidence;
    }
}
