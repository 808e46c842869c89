package io.assay.core.run;

import io.assay.core.results.SummaryCalculator;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.Shard;
import io.assay.spi.Task;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the shards of a run once every one has finished: one {@code trials.jsonl} holding every
 * trial in a fixed order (epoch by epoch, tasks in suite order, as one process schedules them), the
 * summary of those lines folded in that order, then the manifest marked completed, then the shard
 * files removed. The completed manifest is the commit point: before it, readers read the shard
 * files (a crash leaves at most a stray {@code trials.jsonl}, which the next combination replaces);
 * after it, {@code trials.jsonl}. Shards finishing at once combine one at a time, under a lock on
 * {@code shards/combine.lock}; the second finds the run completed and does nothing.
 */
final class ShardCombination {
    /** {@link FileChannel#lock} is per process; shards running in one JVM (tests) also take this. */
    private static final Object IN_PROCESS = new Object();

    private ShardCombination() {
    }

    /**
     * Combines the run's shards if every one has finished and no other shard combined them yet.
     *
     * @param tasks the run's tasks in suite order, or this shard's, when the run's creator recorded the order of all
     * @return whether the run is combined now
     */
    static boolean combineIfAllDone(RunDirectory run, List<Task> tasks, Clock clock) {
        Path shards = run.path().resolve(RunDirectory.SHARDS);
        synchronized (IN_PROCESS) {
            try (FileChannel lockFile = FileChannel.open(shards.resolve("combine.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                Manifest manifest = run.readManifest();
                if (manifest.shardsPending()) {
                    int count = manifest.shards().count();
                    for (int index = 0; index < count; index++) {
                        if (!Files.exists(RunDirectory.doneMarker(run.path(), new Shard(index, count)))) {
                            return false;
                        }
                    }
                    combine(run, manifest, tasks, clock);
                }
                removeShardFiles(run.path(), manifest.shards().count());
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot combine the shards of " + run.path(), e);
            }
        }
    }

    /** Where one trial's line is: which shard file, where in it. */
    private record Place(int epoch, int task, int shard, long offset, int length) {
    }

    private static void combine(RunDirectory run, Manifest manifest, List<Task> tasks, Clock clock) throws IOException {
        int count = manifest.shards().count();
        // A shard that ran its slice knows its own tasks only; the run's creator wrote the order of all.
        List<String> ids = ShardSlices.order(run.path(), manifest).orElseGet(() -> tasks.stream().map(Task::id).toList());
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<Place> places = new ArrayList<>();
        Set<TrialKey> seen = new HashSet<>();
        for (int index = 0; index < count; index++) {
            int shard = index;
            Path file = RunDirectory.shardFile(run.path(), new Shard(index, count));
            run.readFile(file, RunDirectory.Position.START, TrialCodec::key, (offset, length, trial) -> {
                Integer task = order.get(trial.task());
                if (task == null || !seen.add(trial)) {
                    throw new InputException(file + " holds " + (task == null ? "task " + trial.task() + ", not in the suite"
                            : "a second trial of task " + trial.task() + " epoch " + trial.epoch()),
                            "the run directory was edited; restore the shard files or start a new run");
                }
                places.add(new Place(trial.epoch(), task, shard, offset, length));
            });
        }
        long expected = manifest.shards().expectedTrials().stream().mapToLong(Long::longValue).sum();
        if (places.size() != expected) {
            throw new InputException("the shards of " + run.path() + " hold " + places.size() + " trials, not the "
                    + expected + " their manifest expects", "the run directory was edited; start a new run");
        }
        places.sort(Comparator.comparingInt(Place::epoch).thenComparingInt(Place::task));
        Path combined = run.path().resolve("trials.jsonl");
        Path temporary = run.path().resolve("trials.jsonl.combining");
        FileChannel[] files = new FileChannel[count];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
            for (int index = 0; index < count; index++) {
                files[index] = FileChannel.open(RunDirectory.shardFile(run.path(), new Shard(index, count)));
            }
            for (Place place : places) {
                ByteBuffer line = ByteBuffer.allocate(place.length());
                while (line.hasRemaining() && files[place.shard()].read(line, place.offset() + line.position()) > 0) {
                    // reads until the whole line is in
                }
                out.write(line.array());
                out.write('\n');
            }
        } finally {
            for (FileChannel file : files) {
                if (file != null) {
                    file.close();
                }
            }
        }
        try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        // Folded in the combined file's order (decoded on every core, handed over in order), so the
        // summary is the same to the last bit whichever shard combines and however the shards ran.
        SummaryCalculator summary = SummaryCalculator.forRun(manifest);
        run.readFile(temporary, RunDirectory.Position.START, TrialCodec::figures, (offset, length, trial) -> summary.add(trial));
        Files.move(temporary, combined, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        run.writeSummary(summary.summary());
        run.writeManifest(manifest.withStatus(Manifest.COMPLETED, clock.instant().toString(), null));
    }

    /**
     * The shard files and the tasks' slices, once the trials are in {@code trials.jsonl}; the done
     * markers stay, recording the split.
     */
    private static void removeShardFiles(Path run, int count) throws IOException {
        for (int index = 0; index < count; index++) {
            Files.deleteIfExists(RunDirectory.shardFile(run, new Shard(index, count)));
        }
        ShardSlices.delete(run, count);
    }
}
