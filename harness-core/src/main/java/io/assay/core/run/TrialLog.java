package io.assay.core.run;

import io.assay.core.results.Summary;
import io.assay.core.results.SummaryCalculator;
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
import java.util.List;

/**
 * Appends finished trials to {@code trials.jsonl}, flushing each line so a crash loses at most
 * the line being written, folds them into the run's summary, and forwards them to the run's
 * result sinks. Trials encode their line in parallel; only the write is serialised.
 */
final class TrialLog implements AutoCloseable {
    private final Writer out;
    private final Path file;
    private final SummaryCalculator summary;
    private final List<ResultSink> sinks;
    private final List<String> sinkNames;
    private final List<String> warnings = new ArrayList<>();

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
        String line = TrialCodec.encode(record, task.metadata());
        synchronized (this) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
            summary.add(record, task.metadata());
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

    /** Problems with result sinks, for the user to see after the run. Call after the last append. */
    synchronized List<String> warnings() {
        return List.copyOf(warnings);
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
