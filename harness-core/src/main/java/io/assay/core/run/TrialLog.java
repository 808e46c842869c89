package io.assay.core.run;

import io.assay.core.results.Summary;
import io.assay.core.results.SummaryCalculator;
import io.assay.spi.ResultSink;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends finished trials to {@code trials.jsonl}, flushing each line so a crash loses at most
 * the line being written, folds them into the run's summary, and forwards them to the run's
 * result sinks. Calls are serialised.
 */
final class TrialLog implements AutoCloseable {
    private final BufferedWriter out;
    private final Path file;
    private final List<ResultSink> sinks;
    private final List<String> sinkNames;
    private final List<String> warnings = new ArrayList<>();
    private final SummaryCalculator summary;

    TrialLog(Path file, SummaryCalculator summary, List<ResultSink> sinks, List<String> sinkNames) {
        this.file = file;
        this.summary = summary;
        this.sinks = new ArrayList<>(sinks);
        this.sinkNames = new ArrayList<>(sinkNames);
        try {
            // A FileOutputStream, not an NIO channel: interrupting a trial (timeout, Ctrl-C) while it
            // appends must not close the log, as it would an interruptible channel.
            this.out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    void append(TrialRecord record, Task task) {
        String line = TrialCodec.encode(record, task.metadata()); // outside the lock: trials encode in parallel
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

    /** The summary of every trial recorded so far, including those from before a resume. */
    synchronized Summary summary() {
        return summary.summary();
    }

    /** Problems with sinks, for the user to see after the run. */
    synchronized List<String> warnings() {
        return List.copyOf(warnings);
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

    private void closeQuietly(ResultSink sink) {
        try {
            sink.close();
        } catch (Exception e) {
            warnings.add("result sink failed to close: " + e.getMessage());
        }
    }
}
