package io.assay.cli;

import io.assay.kit.Excerpt;
import io.assay.kit.TaskIds;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code assay report RUN --failed}: each task with a trial that failed (scored below a pass) or
 * errored (a harness or judge error, not scored), with its counts and the first reason, in task
 * order. Reads the trials one at a time and keeps one tally per task.
 */
final class FailedTasks {
    private static final int REASON_CHARS = 240;

    private final Map<String, Tally> tasks = new LinkedHashMap<>();

    void add(TrialRecord trial) {
        Tally tally = tasks.computeIfAbsent(trial.task(), task -> new Tally());
        tally.trials++;
        boolean error = trial.outcome() == Outcome.HARNESS_ERROR || trial.outcome() == Outcome.JUDGE_ERROR;
        if (error) {
            tally.errors++;
        } else if (!trial.passed()) {
            tally.failed++;
        }
        if ((error || !trial.passed()) && tally.reason == null) {
            tally.reason = trial.outcome() == Outcome.COMPLETED ? trial.reward().explanation()
                    : trial.outcome().name().toLowerCase(Locale.ROOT) + ": " + trial.error();
        }
    }

    void print(PrintWriter out) {
        List<Map.Entry<String, Tally>> failing = tasks.entrySet().stream()
                .filter(entry -> entry.getValue().reason != null)
                .sorted(Map.Entry.comparingByKey(TaskIds.ORDER)).toList();
        out.println(failing.size() + " of " + tasks.size() + " tasks failed or errored");
        if (failing.isEmpty()) {
            return;
        }
        int width = Math.max(4, failing.stream().mapToInt(entry -> entry.getKey().length()).max().orElse(4));
        out.printf("%-" + width + "s  %6s  %6s  %6s  %s%n", "task", "trials", "failed", "errors", "first reason");
        for (Map.Entry<String, Tally> entry : failing) {
            Tally tally = entry.getValue();
            out.printf("%-" + width + "s  %6d  %6d  %6d  %s%n", entry.getKey(), tally.trials, tally.failed, tally.errors,
                    TerminalText.safe(Excerpt.of(tally.reason, REASON_CHARS)));
        }
    }

    private static final class Tally {
        int trials;
        int failed;
        int errors;
        String reason;
    }
}
