package io.assay.core.run;

import io.assay.core.results.SummaryCalculator;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.Shard;
import io.assay.spi.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Combines the shards of a run once every one has finished: one {@code trials.jsonl} holding every
 * trial, the shard files joined in shard order, and the summary of their lines (which does not depend
 * on their order: {@link SummaryCalculator}), then the manifest marked completed, then the shard
 * files removed. Each shard's figures come from the tally it left ({@link ShardTally}); a shard's
 * lines are read, once, only when it has no tally that fits its file. The completed manifest is the
 * commit point: before it, readers read the shard files (a crash leaves at most a stray
 * {@code trials.jsonl}, which the next combination replaces); after it, {@code trials.jsonl}.
 * Shards finishing at once combine one at a time, under a lock on {@code shards/combine.lock}; the
 * second finds the run completed and does nothing.
 */
final class ShardCombination {
    /** {@link FileChannel#lock} is per process; shards running in one JVM (tests) also take this. */
    private static final Object IN_PROCESS = new Object();

    private ShardCombination() {
    }

    /**
     * Combines the run's shards if every one has finished and no other shard combined them yet.
     *
     * @param tasks the run's tasks, or this shard's alone when the run's creator recorded the ids of all
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

    private static void combine(RunDirectory run, Manifest manifest, List<Task> tasks, Clock clock) throws IOException {
        int count = manifest.shards().count();
        SummaryCalculator summary = SummaryCalculator.forRun(manifest);
        long[] complete = new long[count];
        long recorded = 0;
        Set<TrialKey> read = new HashSet<>();
        Set<String> suite = null; // read only for a shard without a fitting tally
        for (int index = 0; index < count; index++) {
            Shard shard = new Shard(index, count);
            // A tally of other than the manifest's count for the shard is not used: reading the file says what is wrong.
            Optional<ShardTally.Part> tally = ShardTally.read(run.path(), shard)
                    .filter(part -> part.summary().trials() == manifest.shards().expected(shard.index()));
            if (tally.isPresent()) {
                summary.addAll(tally.get().summary());
                recorded += tally.get().summary().trials();
                complete[index] = tally.get().bytes();
            } else {
                suite = suite == null ? runTaskIds(run, manifest, tasks) : suite;
                long before = read.size();
                complete[index] = readTrials(run, shard, suite, read, summary);
                recorded += read.size() - before;
            }
        }
        long expected = manifest.shards().expectedTrials().stream().mapToLong(Long::longValue).sum();
        if (recorded != expected) {
            throw new InputException("the shards of " + run.path() + " hold " + recorded + " trials, not the "
                    + expected + " their manifest expects", "the run directory was edited; start a new run");
        }
        // The summary does not depend on the lines' order, so the files are joined as they are, shard
        // by shard, each up to its last whole line.
        Path combined = run.path().resolve("trials.jsonl");
        Path temporary = run.path().resolve("trials.jsonl.combining");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int index = 0; index < count; index++) {
                if (complete[index] == 0) {
                    continue; // a shard with no trials may have no file
                }
                Path file = RunDirectory.shardFile(run.path(), new Shard(index, count));
                try (FileChannel in = FileChannel.open(file)) {
                    for (long copied = 0; copied < complete[index]; ) {
                        long moved = in.transferTo(copied, complete[index] - copied, out);
                        if (moved == 0) {
                            throw shrunk(file);
                        }
                        copied += moved;
                    }
                } catch (NoSuchFileException gone) {
                    throw shrunk(file);
                }
            }
            out.force(true);
        }
        Files.move(temporary, combined, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        run.writeSummary(summary.summary());
        run.writeManifest(manifest.withStatus(Manifest.COMPLETED, clock.instant().toString(), null));
    }

    /** The run's task ids: a shard that ran its slice knows its own tasks only; the run's creator wrote the ids of all. */
    private static Set<String> runTaskIds(RunDirectory run, Manifest manifest, List<Task> tasks) {
        return new HashSet<>(ShardSlices.order(run.path(), manifest).orElseGet(() -> tasks.stream().map(Task::id).toList()));
    }

    /**
     * Folds the trials of {@code shard}'s file into {@code summary}, checking each: of a task of the
     * run, this shard's, and not read before (it is added to {@code read}).
     *
     * @return where the file's last whole line ends
     */
    private static long readTrials(RunDirectory run, Shard shard, Set<String> suite, Set<TrialKey> read,
                                   SummaryCalculator summary) {
        Path file = RunDirectory.shardFile(run.path(), shard);
        return run.readFile(file, RunDirectory.Position.START, TrialCodec::figures, (offset, length, trial) -> {
            String problem = null;
            if (!suite.contains(trial.task())) {
                problem = "task " + trial.task() + ", not in the suite";
            } else if (!shard.owns(trial.task(), trial.epoch())) {
                problem = "task " + trial.task() + " epoch " + trial.epoch() + ", which belongs to another shard";
            } else if (!read.add(new TrialKey(trial.task(), trial.epoch()))) {
                problem = "a second trial of task " + trial.task() + " epoch " + trial.epoch();
            }
            if (problem != null) {
                throw new InputException(file + " holds " + problem,
                        "the run directory was edited; restore the shard files or start a new run");
            }
            summary.add(trial);
        }).offset();
    }

    private static InputException shrunk(Path file) {
        return new InputException(file + " is shorter than when it was read for the combination",
                "another process changed the run directory; start any shard of the run again to combine it");
    }

    /**
     * The shard files and the tasks' slices, once the trials are in {@code trials.jsonl}; the done
     * markers stay, recording the split.
     */
    private static void removeShardFiles(Path run, int count) throws IOException {
        for (int index = 0; index < count; index++) {
            Files.deleteIfExists(RunDirectory.shardFile(run, new Shard(index, count)));
            Files.deleteIfExists(ShardTally.file(run, new Shard(index, count)));
        }
        ShardSlices.delete(run, count);
    }
}
