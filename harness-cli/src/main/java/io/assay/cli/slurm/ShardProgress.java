package io.assay.cli.slurm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.assay.cli.progress.ProgressReporter;
import io.assay.launcher.Shard;
import io.assay.spi.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The progress of every shard of a run, read from the shards' files as they grow and shown as one
 * bar ({@link ProgressReporter}). Each file stays open once found: the last shard to finish deletes
 * them when it combines the run, and an open file can still be read to its end. A shard that started
 * and finished unseen between two looks is read from the combined {@code trials.jsonl} instead.
 *
 * <pre>{@code
 * ShardProgress progress = new ShardProgress(run, 4, reporter);
 * progress.start(total);
 * while (...) { progress.poll(); Thread.sleep(1000); }
 * progress.finish();
 * }</pre>
 */
final class ShardProgress implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path runDirectory;
    private final int count;
    private final Optional<ProgressReporter> reporter;
    private final FileChannel[] files;
    /** Where each shard file's first line not yet counted starts. */
    private final long[] offsets;
    private long recorded;

    ShardProgress(Path runDirectory, int count, Optional<ProgressReporter> reporter) {
        this.runDirectory = runDirectory;
        this.count = count;
        this.reporter = reporter;
        this.files = new FileChannel[count];
        this.offsets = new long[count];
    }

    /** Counts what the shards recorded before, and starts showing progress towards {@code total}. */
    void start(long total) {
        long before = read(false);
        reporter.ifPresent(shown -> shown.started(total, before));
    }

    /** Reads the lines the shards appended since the last look. */
    void poll() {
        read(true);
    }

    /** Trials the shards have recorded, as far as read. */
    long recorded() {
        return recorded;
    }

    /** Reads the last lines, those of shards never seen from the combined run, and ends the display. */
    void finish(boolean combined) {
        read(true);
        if (combined) {
            readUnseenShards();
        }
        reporter.ifPresent(ProgressReporter::finished);
    }

    private long read(boolean report) {
        long before = recorded;
        for (int index = 0; index < count; index++) {
            FileChannel file = open(index);
            if (file != null) {
                readLines(index, file, report);
            }
        }
        return recorded - before;
    }

    private FileChannel open(int index) {
        if (files[index] == null) {
            try {
                files[index] = FileChannel.open(runDirectory.resolve("shards").resolve(new Shard(index, count).name() + ".jsonl"),
                        StandardOpenOption.READ);
            } catch (NoSuchFileException notYet) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files[index];
    }

    private void readLines(int index, FileChannel file, boolean report) {
        try {
            offsets[index] = forEachLine(file, offsets[index], (bytes, offset, length) -> count(bytes, offset, length, report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shard files of " + runDirectory, e);
        }
    }

    /** Trials of the shards whose files were never opened: they are in the combined {@code trials.jsonl} only. */
    private void readUnseenShards() {
        boolean[] unseen = new boolean[count];
        boolean any = false;
        for (int index = 0; index < count; index++) {
            unseen[index] = files[index] == null;
            any |= unseen[index];
        }
        if (!any) {
            return;
        }
        Path combined = runDirectory.resolve("trials.jsonl");
        try (FileChannel file = FileChannel.open(combined, StandardOpenOption.READ)) {
            forEachLine(file, 0, (bytes, offset, length) -> count(bytes, offset, length, true, unseen));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + combined, e);
        }
    }

    /** A whole line: {@code length} bytes of {@code bytes} from {@code offset}, without its newline. */
    @FunctionalInterface
    private interface LineConsumer {
        void accept(byte[] bytes, int offset, int length);
    }

    /**
     * Hands every whole line of {@code file} from {@code from} to {@code each}, and returns where the
     * first line not yet whole starts: it is read again, whole, on a later look. Never reading past a
     * whole line is also what keeps the place right when a shard killed mid-line is started again: it
     * cuts its file back to that line end ({@code truncateTornTail}) and appends from there.
     */
    private static long forEachLine(FileChannel file, long from, LineConsumer each) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        long position = from;
        int n;
        while ((n = file.read(chunk.clear(), position)) > 0) {
            byte[] bytes = chunk.array();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    each.accept(bytes, start, i - start);
                    start = i + 1;
                }
            }
            if (start == 0) {
                if (n < chunk.capacity()) {
                    break; // a line still being written
                }
                chunk = ByteBuffer.allocate(chunk.capacity() * 2); // a line longer than the buffer
            }
            position += start;
        }
        return position;
    }

    /** Counts the trial of a shard file's line; without a bar to show, its outcome is not read. */
    private void count(byte[] line, int offset, int length, boolean report) {
        if (report && reporter.isPresent()) {
            count(line, offset, length, true, null);
        } else if (!blank(line, offset, length)) {
            recorded++;
        }
    }

    /** Counts the trial of {@code line}, if it belongs to one of {@code shards} (any, when {@code null}). */
    private void count(byte[] line, int offset, int length, boolean report, boolean[] shards) {
        if (blank(line, offset, length)) {
            return;
        }
        String task = null;
        Integer epoch = null;
        Outcome outcome = null;
        Boolean passed = null;
        try (JsonParser parser = JSON.createParser(line, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            // Stops at the last field it needs: the rest of the line (the trace) is the bulk of it.
            while ((outcome == null || passed == null || (shards != null && (task == null || epoch == null)))
                    && parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "task" -> task = parser.getText();
                    case "epoch" -> epoch = parser.getIntValue();
                    case "outcome" -> outcome = Outcome.valueOf(parser.getText().toUpperCase(Locale.ROOT));
                    case "passed" -> passed = value == JsonToken.VALUE_TRUE;
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // A line the shard is still writing, or one the report will name; the bar only counts.
        }
        if (shards != null && (task == null || !shards[Shard.of(task, epoch == null ? 0 : epoch, count)])) {
            return;
        }
        recorded++;
        if (report && outcome != null) {
            Outcome recordedOutcome = outcome;
            boolean solved = Boolean.TRUE.equals(passed);
            reporter.ifPresent(shown -> shown.trialRecorded(recordedOutcome, solved));
        }
    }

    private static boolean blank(byte[] line, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!Character.isWhitespace(line[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (FileChannel file : files) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // read-only
                }
            }
        }
    }
}
