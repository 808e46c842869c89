package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flaw an audit probe found.
 *
 * <pre>{@code
 * new Finding("trivial-agents", List.of("T.10", "R.13"), Severity.ERROR, "q7",
 *         "an empty answer passes this task", Map.of("agent", "empty", "reward", 1.0));
 * }</pre>
 *
 * @param probe the probe's name
 * @param abc the checklist ids violated, for example {@code T.10}
 * @param severity how much it undermines the score
 * @param task the task at fault, or {@code null} for a suite-level finding
 * @param message what is wrong and how to fix it
 * @param evidence JSON-shaped details that show it
 */
public record Finding(String probe, List<String> abc, Severity severity, String task, String message,
                      Map<String, Object> evidence) {

    public Finding {
        abc = List.copyOf(abc);
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** How much a finding undermines a score. */
    public enum Severity {
        /** The score is wrong. */
        ERROR,
        /** The score may be wrong or cannot be interpreted. */
        WARNING,
        /** Context a reader of the score needs. */
        INFO
    }
}
