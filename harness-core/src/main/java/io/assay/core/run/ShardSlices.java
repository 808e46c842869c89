package io.assay.core.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.assay.core.json.Json;
import io.assay.core.suite.SuiteSlice;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.Shard;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Each shard's tasks, written by the process that creates a sharded run's manifest, so that a
 * shard starts on its own tasks instead of loading, checking and grading the whole suite again:
 * {@code shards/I-of-N.tasks.jsonl} ({@link SuiteSlice}) for each shard, and
 * {@code shards/tasks.jsonl}, every task id in suite order, which the shard that combines the run
 * checks every trial against. Both are bound to the manifest (run, start time, suite content hash), so a
 * file of another run is never read. A suite whose tasks are not plain data gets no slices: its
 * shards load it, as before. Only shards started with {@code preparedTasks} (the Slurm executor's
 * array tasks, whose submitting command checked the suite just before) read them.
 */
final class ShardSlices {
    private ShardSlices() {
    }

    /**
     * Writes the slices of {@code suite}, the run's selected tasks, for {@code manifest}'s shards:
     * all or none. None when a task is not plain data or a file cannot be written: the shards then
     * load the suite, as they do for a run created before slices.
     */
    static void write(Path run, Manifest manifest, Suite suite, ShardAssignment split) {
        int count = manifest.shards().count();
        List<Path> written = new ArrayList<>();
        try {
            Path order = temporary(run, written);
            try (JsonGenerator ids = Json.MAPPER.getFactory().createGenerator(Files.newOutputStream(order))) {
                ids.setRootValueSeparator(null); // one value per line, the line end written here
                ids.writeString(binding(manifest, "order"));
                for (Task task : suite.tasks()) {
                    ids.writeRaw('\n');
                    ids.writeString(task.id());
                }
                ids.writeRaw('\n');
            }
            List<Path> slices = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                slices.add(temporary(run, written));
            }
            writeSlices(slices, manifest, suite, split);
            for (Path file : written) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true); // on disk before its name says it is complete
                }
            }
            // The order first: a shard that finds its slice finds the order too.
            Files.move(order, orderFile(run), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (int index = 0; index < count; index++) {
                Files.move(slices.get(index), sliceFile(run, new Shard(index, count)), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (SuiteSlice.NotPlainData | IOException none) {
            // The shards load the suite themselves.
        } finally {
            written.forEach(ShardSlices::deleteQuietly);
        }
    }

    private static void writeSlices(List<Path> files, Manifest manifest, Suite suite, ShardAssignment split)
            throws IOException, SuiteSlice.NotPlainData {
        int count = files.size();
        List<SuiteSlice.Writer> writers = new ArrayList<>();
        try {
            for (int index = 0; index < count; index++) {
                writers.add(SuiteSlice.writer(files.get(index), binding(manifest, new Shard(index, count).name()), suite));
            }
            for (int task = 0; task < suite.tasks().size(); task++) {
                boolean[] added = new boolean[count];
                for (int epoch = 0; epoch < split.epochs(); epoch++) {
                    int owner = split.owner(task, epoch);
                    if (!added[owner]) {
                        added[owner] = true;
                        writers.get(owner).add(suite.tasks().get(task));
                    }
                }
            }
        } finally {
            IOException failed = null;
            for (SuiteSlice.Writer writer : writers) {
                try {
                    writer.close();
                } catch (IOException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    /**
     * {@code shard}'s tasks as the run's creator wrote them, or empty when it wrote none (or not the
     * order of all, which the shard would need to combine the run).
     *
     * @throws InputException when the slice is damaged: it does not read, or holds other than the
     *     shard's trials the manifest counts
     */
    static Optional<Suite> read(Path run, Shard shard, int epochs, Manifest manifest) {
        Path file = sliceFile(run, shard);
        Optional<Suite> slice;
        try {
            if (!firstLine(orderFile(run)).equals(Optional.of(quoted(binding(manifest, "order"))))) {
                return Optional.empty();
            }
            slice = SuiteSlice.read(file, binding(manifest, shard.name()));
        } catch (IOException e) {
            throw edited(file, e.getMessage());
        }
        long trials = slice.map(suite -> suite.tasks().stream()
                .mapToLong(task -> IntStream.range(0, epochs).filter(epoch -> shard.owns(task.id(), epoch)).count()).sum())
                .orElse(0L);
        if (slice.isPresent() && trials != manifest.shards().expected(shard.index())) {
            throw edited(file, "it holds " + trials + " trials of shard " + shard + ", not the "
                    + manifest.shards().expected(shard.index()) + " the manifest counts");
        }
        return slice;
    }

    /** The run's task ids in suite order, or empty when its creator wrote none. */
    static Optional<List<String>> order(Path run, Manifest manifest) {
        Path file = orderFile(run);
        // One parser for the whole file: a parser for each of 100,000 lines was most of the time this took.
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(Files.newInputStream(file))) {
            if (parser.nextToken() != JsonToken.VALUE_STRING || !parser.getText().equals(binding(manifest, "order"))) {
                return Optional.empty();
            }
            List<String> ids = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    throw new IOException("expected a task id, a JSON string, at line " + parser.currentLocation().getLineNr());
                }
                ids.add(parser.getText());
            }
            return Optional.of(ids);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(),
                    "the run directory was edited; start a new run");
        }
    }

    private static Optional<String> firstLine(Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.ofNullable(lines.readLine());
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    /** Removes the run's slices and order, once its trials are combined. */
    static void delete(Path run, int count) throws IOException {
        for (int index = 0; index < count; index++) {
            Files.deleteIfExists(sliceFile(run, new Shard(index, count)));
        }
        Files.deleteIfExists(orderFile(run));
    }

    static Path sliceFile(Path run, Shard shard) {
        return run.resolve(RunDirectory.SHARDS).resolve(shard.name() + ".tasks.jsonl");
    }

    private static Path orderFile(Path run) {
        return run.resolve(RunDirectory.SHARDS).resolve("tasks.jsonl");
    }

    /** What a file must name to belong to this run: written once, by the process that created its manifest. */
    private static String binding(Manifest manifest, String part) {
        return "run " + manifest.runId() + " started " + manifest.started() + " suite " + manifest.suite().contentHash() + " " + part;
    }

    private static String quoted(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a string as JSON", e);
        }
    }

    private static Path temporary(Path run, List<Path> written) throws IOException {
        Path file = Files.createTempFile(run.resolve(RunDirectory.SHARDS), ".tasks-", ".tmp");
        written.add(file);
        return file;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is ignored by every reader
        }
    }

    private static InputException edited(Path file, String why) {
        return new InputException("cannot read " + file + ": " + why,
                "the run directory was edited; delete that file and the shard loads the suite itself");
    }
}
