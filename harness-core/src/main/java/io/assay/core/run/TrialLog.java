package io.assay.core.run;

import io.assay.core.results.ModelUsage;
import io.assay.core.results.Summary;
import io.assay.core.results.SummaryCalculator;
import io.assay.kit.Plural;
import io.assay.spi.ModelCall;
import io.assay.spi.ResultSink;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends finished trials to {@code trials.jsonl}, flushing each line so a crash loses at most
 * the line being written, folds them into the run's summary, and forwards them to the run's
 * result sinks. Trials encode their line in parallel; only the write is serialised.
 */
final class TrialLog implements AutoCloseable {
    /** Distinct error messages tallied; a run whose every error differs needs no "most common". */
    private static final int MAX_DISTINCT_ERRORS = 1000;
    private static final int MAX_ERROR_LENGTH = 300;

    private final Writer out;
    private final Path file;
    private final SummaryCalculator summary;
    private final List<ResultSink> sinks;
    private final List<String> sinkNames;
    private final List<String> warnings = new ArrayList<>();
    /** The errors of this invocation's unscored trials, by message: one bad key fails every trial alike. */
    private final Map<String, Long> errors = new HashMap<>();

    TrialLog(Path file, SummaryCalculator summary, List<ResultSink> sinks, List<String> sinkNames) {
        this.file = file;
        this.summary = summary;
        this.sinks = new ArrayList<>(sinks);
        this.sinkNames = new ArrayList<>(sinkNames);
        try {
            // A FileOutputStream, not an NIO channel: interrupting a thread while it writes must
            // not close the log, as it would an interruptible channel.
            this.out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Records a finished trial. Thread-safe. */
    void append(TrialRecord record, Task task) {
        List<ModelCall> modelCalls = ModelUsage.callsOf(record); // once, for the line and the summary
        String line = TrialCodec.encode(record, modelCalls, task.metadata());
        synchronized (this) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
            summary.add(record, modelCalls, task.metadata());
            tallyError(record);
            forwardToSinks(record);
        }
    }

    @Override
    public synchronized void close() {
        sinks.forEach(this::closeQuietly);
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
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
        List<String> all = new ArrayList<>(warnings);
        errors.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(common -> {
            long total = errors.values().stream().mapToLong(Long::longValue).sum();
            String message = common.getKey().length() <= MAX_ERROR_LENGTH ? common.getKey()
                    : common.getKey().substring(0, MAX_ERROR_LENGTH) + "...";
            all.add("most common error (" + common.getValue() + " of " + Plural.of(total, "unscored trial") + "): " + message);
        });
        return List.copyOf(all);
    }

    private void tallyError(TrialRecord record) {
        if (!record.outcome().scored() && record.error() != null
                && (errors.size() < MAX_DISTINCT_ERRORS || errors.containsKey(record.error()))) {
            errors.merge(record.error(), 1L, Long::sum);
        }
    }

    private void forwardToSinks(TrialRecord record) {
        for (int i = 0; i < sinks.size(); i++) {
            try {
                sinks.get(i).accept(record);
            } catch (Exception e) {
                // trials.jsonl already holds the record; a broken extra sink must not end the run.
                warnings.add("result sink '" + sinkNames.get(i) + "' failed and was disabled: " + e.getMessage());
                closeQuietly(sinks.remove(i));
                sinkNames.remove(i);
                i--;
            }
        }
    }

    private void closeQuietly(ResultSink sink) {
        try {
            sink.close();
        } catch (Exception e) {
            warnings.add("result sink failed to close: " + e.getMessage());
        }
    }
}
