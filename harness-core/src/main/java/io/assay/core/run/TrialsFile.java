package io.assay.core.run;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A run's {@code trials.jsonl}, open for appending. Each line is flushed as it is written, so a
 * crash loses at most the line being written, which {@link RunDirectory#truncateTornTail} cuts off
 * on resume. Not thread-safe: the {@link TrialLog} serialises appends.
 */
final class TrialsFile implements AutoCloseable {
    private final Path file;
    private final Writer out;

    TrialsFile(Path file) {
        this.file = file;
        try {
            // A FileOutputStream, not an NIO channel: interrupting a thread while it writes must
            // not close the log, as it would an interruptible channel.
            this.out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Appends {@code line} and a newline, and flushes them to the file. */
    void append(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
