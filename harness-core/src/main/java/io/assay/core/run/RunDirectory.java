package io.assay.core.run;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.assay.core.json.Json;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.Summary;
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
import io.assay.launcher.Shard;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The files of one run: {@code manifest.json}, the append-only {@code trials.jsonl} and
 * {@code summary.json}. JSON documents are replaced atomically, so a crash leaves the old or the
 * new version, never half of one.
 *
 * <p>A run split into shards ({@link Manifest#shards}) records each shard's trials in its own
 * append-only file, {@code shards/I-of-N.jsonl}, marks a finished shard with
 * {@code shards/I-of-N.done}, and holds no {@code trials.jsonl} until the last shard to finish
 * combines them ({@link ShardCombination}) and marks the manifest completed. The view of one shard
 * ({@link #shard}) appends to and resumes from that shard's file.
 */
public final class RunDirectory {
    static final String SHARDS = "shards";

    private final Path path;
    /** The file this view appends to and resumes from: {@code trials.jsonl}, or its shard's file. */
    private final Path trials;
    /** The shard this view is of, or {@code null} for the whole run. */
    private final Shard shard;

    private RunDirectory(Path path, Shard shard) {
        this.path = path;
        this.shard = shard;
        this.trials = shard == null ? path.resolve("trials.jsonl") : shardFile(path, shard);
    }

    private RunDirectory(Path path) {
        this(path, null);
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

    /**
     * The manifest of a run split into shards in {@code path}, which the submitting command or the
     * first shard to start wrote. Empty when there is none or it does not read: the shard then
     * starts as the first, and {@link #createShared} reports what is wrong.
     */
    public static Optional<Manifest> shardedRun(Path path) {
        if (!Files.isRegularFile(path.resolve("manifest.json"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunDirectory(path).readManifest()).filter(manifest -> manifest.shards() != null);
        } catch (InputException unreadable) {
            return Optional.empty();
        }
    }

    /** The manifest a shard shares with the others, and whether this shard created it. */
    public record Shared(Manifest manifest, boolean created) {
    }

    /**
     * The run directory a shard of a run shares with the others: creates it and its manifest,
     * {@code manifest}, when this shard is the first to start, atomically, so that of shards starting
     * at once exactly one creates it; otherwise leaves the one there.
     *
     * @return the manifest on disk: {@code manifest}, or the one another shard wrote, for the caller
     *     to check that it describes the same run
     */
    public static Shared createShared(Path path, Manifest manifest) {
        if (Files.isRegularFile(path)) {
            throw new InputException(path + " is a file, not a directory", "choose another --out");
        }
        Path target = path.resolve("manifest.json");
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(path.resolve(SHARDS)); // before the manifest: a shard that finds one finds this
                Path written = Files.createTempFile(path, ".manifest-", ".tmp");
                try {
                    Files.writeString(written, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n",
                            StandardCharsets.UTF_8);
                    // A hard link fails when the target exists, atomically (on NFS too): one shard wins.
                    Files.createLink(target, written);
                    return new Shared(manifest, true);
                } catch (FileAlreadyExistsException anotherShardWasFirst) {
                    // read below
                } finally {
                    Files.deleteIfExists(written);
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot create run directory " + path + ": " + e.getMessage());
        }
        return new Shared(new RunDirectory(path).readManifest(), false);
    }

    /** The view of this run as shard {@code shard} writes it: its trials go to {@code shards/I-of-N.jsonl}. */
    public RunDirectory shard(Shard of) {
        return new RunDirectory(path, of);
    }

    public Path path() {
        return path;
    }

    /** The file this view appends trials to: {@code trials.jsonl}, or the shard's own file. */
    public Path trialsFile() {
        return trials;
    }

    /** Where {@code shard} of a run in {@code directory} records its trials. */
    public static Path shardFile(Path directory, Shard shard) {
        return directory.resolve(SHARDS).resolve(shard.name() + ".jsonl");
    }

    /** Whether a process runs {@code shard} of the run in {@code directory} now: it holds the shard's lock. */
    public static boolean shardRunning(Path directory, Shard shard) {
        return ShardLock.held(directory, shard);
    }

    /** The marker {@code shard} of a run in {@code directory} leaves once every one of its trials is recorded. */
    public static Path doneMarker(Path directory, Shard shard) {
        return directory.resolve(SHARDS).resolve(shard.name() + ".done");
    }

    /** Marks this view's shard finished: every one of its trials is in its file. */
    void markShardDone(long trialCount) {
        Path marker = doneMarker(path, shard);
        Path temporary = marker.resolveSibling(marker.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, "{\"trials\": " + trialCount + "}\n", StandardCharsets.UTF_8);
            Files.move(temporary, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
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

    /**
     * The summary {@code summary.json} holds, as the run's last process wrote it, or empty when
     * there is none (a run still going) or it does not read (written by another Assay version, say):
     * {@link #summarize} recomputes it either way.
     */
    public Optional<Summary> readSummary() {
        try {
            return Optional.of(Json.MAPPER.readValue(path.resolve("summary.json").toFile(), Summary.class));
        } catch (IOException absentOrUnreadable) {
            return Optional.empty();
        }
    }

    /** Summarises every trial recorded so far, streaming {@code trials.jsonl}. */
    public Summary summarize() {
        SummaryCalculator calculator = SummaryCalculator.forRun(readManifest());
        // The figures alone: building each transcript and its evidence was most of the time this took.
        forEach(TrialCodec::figures, TrialCodec.Figures::task, TrialCodec.Figures::epoch, calculator::add);
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
     *
     * <p>Of a run split into shards, that is every shard file, shard by shard, until the shards are
     * combined, then {@code trials.jsonl}. Of one shard's view, the shard's trials alone.
     */
    public void forEachTrial(Consumer<TrialCodec.StoredTrial> consumer) {
        forEach(TrialCodec::decode, trial -> trial.record().task(), trial -> trial.record().epoch(), consumer);
    }

    /** {@link #forEachTrial}, each line decoded by {@code decoder}, whose result names its trial's task and epoch. */
    private <T> void forEach(Function<String, T> decoder, Function<T, String> task, ToIntFunction<T> epoch, Consumer<T> consumer) {
        TrialLineConsumer<T> each = (offset, length, trial) -> consumer.accept(trial);
        Manifest manifest = readManifest();
        if (manifest.shards() == null) {
            readFrom(Position.START, decoder, each);
        } else if (shard != null) {
            if (manifest.shardsPending()) {
                readFrom(Position.START, decoder, each);
            } else {
                readFile(path.resolve("trials.jsonl"), Position.START, decoder, (offset, length, trial) -> {
                    if (shard.owns(task.apply(trial), epoch.applyAsInt(trial))) {
                        consumer.accept(trial);
                    }
                });
            }
        } else if (!forEachShardTrial(manifest.shards().count(), decoder, each)) {
            readFile(path.resolve("trials.jsonl"), Position.START, decoder, each);
        }
    }

    /**
     * Reads every shard file, in shard order, while the run's shards are not combined yet.
     * Every file is opened before the manifest is read again: a combination that commits after
     * that deletes files this reader still holds open, whole; one that committed before is seen,
     * and the caller reads {@code trials.jsonl} instead.
     *
     * @return {@code false}, reading nothing, when the shards are combined
     */
    private <T> boolean forEachShardTrial(int count, Function<String, T> decoder, TrialLineConsumer<T> consumer) {
        Map<Path, FileChannel> open = new LinkedHashMap<>();
        try {
            for (int index = 0; index < count; index++) {
                Path file = shardFile(path, new Shard(index, count));
                try {
                    open.put(file, FileChannel.open(file, StandardOpenOption.READ));
                } catch (NoSuchFileException notStartedYet) {
                    // a shard that has recorded nothing yet
                }
            }
            if (!readManifest().shardsPending()) {
                return false;
            }
            for (Map.Entry<Path, FileChannel> file : open.entrySet()) {
                read(file.getKey(), file.getValue(), Position.START, decoder, consumer);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shard files of " + path, e);
        } finally {
            for (FileChannel channel : open.values()) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read-only: nothing was lost
                }
            }
        }
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
        return readFile(trialsFile(), from, decoder, consumer);
    }

    /** {@link #readFrom} of {@code file}. */
    <T> Position readFile(Path file, Position from, Function<String, T> decoder, TrialLineConsumer<T> consumer) {
        if (!Files.exists(file)) {
            return from;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel, from, decoder, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static <T> Position read(Path file, FileChannel channel, Position from, Function<String, T> decoder,
                                     TrialLineConsumer<T> consumer) {
        try (OrderedDecoder<T> lines = new OrderedDecoder<>(file, channel.size() - from.offset(), decoder, consumer)) {
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
