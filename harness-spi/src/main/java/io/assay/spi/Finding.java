package io.assay.spi;

import java.util.List;
import java.util.Map;

/**
 * One flaw an audit probe found.
 *
 * <pre>{@code
 * new Finding("trivial-agents", List.of("T.10", "R.13"), Severity.ERROR, "q7",
 *         "an empty answer passes this task", Map.of("agent", "empty", "reward", 1.0));
 * // The message names this task's answer, so the cause says what the tasks have in common:
 * new Finding("equivalence", List.of("O.a.2"), Severity.WARNING, "q8",
 *         "\"The answer is 42.\" is rejected", Map.of("reply", "The answer is 42."),
 *         "the answer in a sentence is rejected");
 * }</pre>
 *
 * @param probe the probe's name
 * @param abc the checklist ids violated, for example {@code T.10}
 * @param severity how much it undermines the score
 * @param task the task at fault, or {@code null} for a suite-level finding
 * @param message what is wrong and how to fix it
 * @param evidence JSON-shaped details that show it, kept in a fixed order (a {@code Map.of}'s in
 *                 the order of its keys)
 * @param cause what is wrong, without anything particular to the task, or {@code null} when the
 *              message has nothing particular to it. The audit reports findings of one probe with
 *              the same severity, checklist ids and cause (or message) as one finding listing
 *              every task, so a flaw shared by 1,319 tasks is read once, not 1,319 times
 */
public record Finding(String probe, List<String> abc, Severity severity, String task, String message,
                      Map<String, Object> evidence, String cause) {

    public Finding {
        abc = List.copyOf(abc);
        evidence = evidence == null ? Map.of() : Evidence.inStableOrder(evidence);
    }

    /** A finding whose message is its cause: findings with the same message are grouped. */
    public Finding(String probe, List<String> abc, Severity severity, String task, String message,
                   Map<String, Object> evidence) {
        this(probe, abc, severity, task, message, evidence, null);
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
