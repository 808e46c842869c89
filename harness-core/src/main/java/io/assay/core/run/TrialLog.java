package io.assay.core.run;

import io.assay.launcher.Summary;
import io.assay.core.results.ModelUsage;
import io.assay.core.results.SummaryCalculator;
import io.assay.spi.ModelCall;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a run's finished trials: each one's line in {@code trials.jsonl} first, so a crash never
 * loses a trial the summary counted, then the summary, the error tally and the result sinks.
 * Trials encode their line in parallel; the rest is serialised under this log's one lock, which
 * is why its parts need no locks of their own.
 */
final class TrialLog implements AutoCloseable {
    private final TrialsFile file;
    private final SummaryCalculator summary;
    private final ErrorTally errors = new ErrorTally();
    private final SinkFanOut sinks;

    /** @param summary the summary so far, with any trials recorded before a resume already folded in */
    TrialLog(Path trialsFile, SummaryCalculator summary, SinkFanOut sinks) {
        this.file = new TrialsFile(trialsFile);
        this.summary = summary;
        this.sinks = sinks;
    }

    /** Records a finished trial. Thread-safe. */
    void append(TrialRecord record, Task task) {
        List<ModelCall> modelCalls = ModelUsage.callsOf(record); // once, for the line and the summary
        String line = TrialCodec.encode(record, modelCalls, task.metadata());
        synchronized (this) {
            file.append(line);
            summary.add(record, modelCalls, task.metadata());
            errors.add(record);
            sinks.accept(record);
        }
    }

    @Override
    public synchronized void close() {
        sinks.close();
        file.close();
    }

    /** The summary of every trial recorded, including those from before a resume. Call after the last append. */
    synchronized Summary summary() {
        return summary.summary();
    }

    /** What the run's model calls have cost so far, including those before a resume. */
    synchronized BigDecimal cost() {
        return summary.usage().cost();
    }

    /**
     * Problems for the user to see after the run: failed result sinks, and the most common error of
     * the trials that were not scored, so that the cause of many errors is on screen. Call after
     * the last append.
     */
    synchronized List<String> warnings() {
        List<String> all = new ArrayList<>(sinks.warnings());
        errors.mostCommon().ifPresent(all::add);
        return List.copyOf(all);
    }
}
