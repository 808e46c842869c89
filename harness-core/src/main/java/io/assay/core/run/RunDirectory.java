package io.assay.core.run;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.assay.core.json.Json;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.Summary;
import io.assay.core.results.ModelUsage;
import io.assay.core.results.SummaryCalculator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The files of one run: {@code manifest.json}, the append-only {@code trials.jsonl} and
 * {@code summary.json}. JSON documents are replaced atomically, so a crash leaves the old or the
 * new version, never half of one.
 */
public final class RunDirectory {
    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** A new run directory; refuses one that already holds a run. */
    public static RunDirectory create(Path path) {
        if (Files.exists(path.resolve("manifest.json"))) {
            throw new InputException(path + " already holds a run",
                    "resume it with `assay run --resume " + path + "`, or choose another --out");
        }
        if (Files.isRegularFile(path)) {
            throw new InputException(path + " is a file, not a directory", "choose another --out");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new InputException("cannot create run directory " + path + ": " + e.getMessage());
        }
        return new RunDirectory(path);
    }

    /** An existing run directory, for resuming or reporting. */
    public static RunDirectory open(Path path) {
        if (!Files.isRegularFile(path.resolve("manifest.json"))) {
            throw new InputException(path + " is not a run directory (no manifest.json)",
                    "pass the directory `assay run` printed, for example runs/arithmetic-oracle-...");
        }
        return new RunDirectory(path);
    }

    public Path path() {
        return path;
    }

    public Path trialsFile() {
        return path.resolve("trials.jsonl");
    }

    public Manifest readManifest() {
        Path file = path.resolve("manifest.json");
        try {
            return Json.MAPPER.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new InputException(file + ": not a valid run manifest: " + e.getMessage());
        }
    }

    public void writeManifest(Manifest manifest) {
        replace("manifest.json", Json.MAPPER.writerWithDefaultPrettyPrinter(), manifest);
    }

    public void writeSummary(Summary summary) {
        replace("summary.json", Json.MAPPER.writerWithDefaultPrettyPrinter(), summary);
    }

    /** Summarises every trial recorded so far, streaming {@code trials.jsonl}. */
    public Summary summarize() {
        SummaryCalculator calculator = SummaryCalculator.forRun(readManifest());
        forEachTrial(trial -> calculator.add(trial.record(), ModelUsage.callsOf(trial.record()), trial.metadata()));
        return calculator.summary();
    }

    /**
     * Cuts a torn last line (a crash mid-write) off {@code trials.jsonl} so appends start on a
     * fresh line. Returns how many bytes were dropped.
     */
    public long truncateTornTail() {
        Path file = trialsFile();
        if (!Files.exists(file)) {
            return 0;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            long keep = length;
            while (keep > 0) {
                raf.seek(keep - 1);
                if (raf.read() == '\n') {
                    break;
                }
                keep--;
            }
            raf.setLength(keep);
            return length - keep;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file, e);
        }
    }

    /**
     * Streams every complete trial line to {@code consumer}, one at a time. A torn last line is
     * skipped; any other bad line is an {@link InputException} with its line number.
     */
    public void forEachTrial(Consumer<TrialCodec.StoredTrial> consumer) {
        readFrom(Position.START, TrialCodec::decode, (offset, length, trial) -> consumer.accept(trial));
    }

    /** A trial line read by {@link #readFrom}, decoded, with where it is in {@code trials.jsonl}. */
    @FunctionalInterface
    public interface TrialLineConsumer<T> {
        /**
         * @param offset the byte offset of the line's first byte
         * @param length the line's length in bytes, without its newline
         */
        void accept(long offset, int length, T trial);
    }

    /**
     * A place in {@code trials.jsonl}: the start of a line.
     *
     * @param offset in bytes
     * @param lines how many lines come before it, so errors can name line numbers
     */
    public record Position(long offset, long lines) {
        public static final Position START = new Position(0, 0);
    }

    /**
     * Streams the complete trial lines from {@code from} on, each decoded by {@code decoder}
     * ({@link TrialCodec#decode} or {@link TrialCodec#figures}), to {@code consumer}; blank lines are
     * skipped and so is a torn last line (one without its newline, still being written or cut by a
     * crash). A bad line is an {@link InputException} naming its line number.
     *
     * @return the place after the last complete line, where the next read starts
     */
    public <T> Position readFrom(Position from, Function<String, T> decoder, TrialLineConsumer<T> consumer) {
        Path file = trialsFile();
        if (!Files.exists(file)) {
            return from;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             OrderedDecoder<T> lines = new OrderedDecoder<>(file, channel.size() - from.offset(), decoder, consumer)) {
            channel.position(from.offset());
            LineBuffer line = new LineBuffer();
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            long lineStart = from.offset();
            long lineNumber = from.lines();
            while (channel.read(chunk) > 0) {
                chunk.flip();
                byte[] bytes = chunk.array();
                int segment = 0;
                for (int i = 0; i < chunk.limit(); i++) {
                    if (bytes[i] != '\n') {
                        continue;
                    }
                    line.append(bytes, segment, i - segment);
                    lineNumber++;
                    if (!line.isBlank()) {
                        lines.add(new OrderedDecoder.Line(lineStart, line.length(), lineNumber, line.text()));
                    }
                    lineStart += line.length() + 1;
                    line.clear();
                    segment = i + 1;
                }
                line.append(bytes, segment, chunk.limit() - segment);
                chunk.clear();
            }
            lines.finish();
            return new Position(lineStart, lineNumber);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The text of the line at {@code offset}, {@code length} bytes long, as {@link #readFrom} placed it. */
    public String lineAt(long offset, int length) {
        Path file = trialsFile();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) > 0) {
                // reads until the whole line is in
            }
            if (bytes.hasRemaining()) {
                throw new InputException(file + " is shorter than when it was read (" + length + " bytes at " + offset + ")",
                        "the run directory was edited or replaced; reload");
            }
            return new String(bytes.array(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static <T> T decode(Path file, long line, String text, Function<String, T> decoder) {
        try {
            return decoder.apply(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ":" + line + ": " + e.getMessage(),
                    "the run directory was edited or corrupted; restore the line or start a new run");
        }
    }

    /** The bytes of the line being read, which may span chunks. */
    private static final class LineBuffer {
        private byte[] bytes = new byte[8192];
        private int length;

        void append(byte[] from, int start, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(from, start, bytes, length, count);
            length += count;
        }

        int length() {
            return length;
        }

        boolean isBlank() {
            for (int i = 0; i < length; i++) {
                if (!Character.isWhitespace(bytes[i])) {
                    return false;
                }
            }
            return true;
        }

        String text() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        void clear() {
            length = 0;
        }
    }

    private void replace(String name, ObjectWriter writer, Object value) {
        Path target = path.resolve(name);
        Path temporary = path.resolve(name + ".tmp");
        try {
            Files.writeString(temporary, writer.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
