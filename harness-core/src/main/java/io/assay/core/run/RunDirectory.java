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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
        Path file = trialsFile();
        if (!Files.exists(file)) {
            return;
        }
        boolean endsWithNewline = endsWithNewline(file);
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            long[] lineNumber = {0};
            String[] pending = {null};
            lines.forEach(line -> {
                if (pending[0] != null) {
                    consumer.accept(decode(file, lineNumber[0], pending[0]));
                }
                lineNumber[0]++;
                pending[0] = line.isBlank() ? null : line;
            });
            if (pending[0] != null && endsWithNewline) {
                consumer.accept(decode(file, lineNumber[0], pending[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static TrialCodec.StoredTrial decode(Path file, long line, String text) {
        try {
            return TrialCodec.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ":" + line + ": " + e.getMessage(),
                    "the run directory was edited or corrupted; restore the line or start a new run");
        }
    }

    private static boolean endsWithNewline(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return true;
            }
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
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
