package io.assay.core.audit.tools;

import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.TrialRecord;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One real trial of a probe's own agent in a tool environment: the agent works through the
 * trial's {@link ToolEnvironment}, the suite's check grades the end state as usual, and what the
 * work found comes back beside the record.
 *
 * @param record the trial as the harness recorded it
 * @param found what the work returned, or {@code null} when it did not finish
 * @param <T> what the work finds
 */
record ToolTrial<T>(TrialRecord record, T found) {

    /** What a probe's agent does in the environment. */
    @FunctionalInterface
    interface Work<T> {
        Acted<T> run(ToolEnvironment environment) throws Exception;
    }

    /** What the work found, and the output its agent returns to be graded. */
    record Acted<T>(T found, AgentOutput output) {

        /** Found something, answered nothing. */
        static <T> Acted<T> silently(T found) {
            return new Acted<>(found, AgentOutput.of(""));
        }
    }

    static <T> ToolTrial<T> run(AuditContext context, Task task, int epoch, Work<T> work) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        TrialRecord record = context.trial(input -> {
            if (!(input.environment() instanceof ToolEnvironment environment)) {
                throw new IllegalStateException("the trial's environment is not a tool environment: "
                        + input.environment());
            }
            Acted<T> acted = work.run(environment);
            found.set(acted.found());
            return acted.output();
        }, task, epoch);
        return new ToolTrial<>(record, found.get());
    }

    boolean passed() {
        return record.passed();
    }

    /** How the trial ended and how it was graded, for evidence. */
    Map<String, Object> verdict() {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("outcome", record.outcome().name().toLowerCase(Locale.ROOT));
        if (record.reward() != null) {
            verdict.put("reward", record.reward().score());
            verdict.put("explanation", record.reward().explanation());
        }
        if (record.error() != null) {
            verdict.put("error", record.error());
        }
        return verdict;
    }
}
