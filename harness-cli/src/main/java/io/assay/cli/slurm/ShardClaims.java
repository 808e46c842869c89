package io.assay.cli.slurm;

import io.assay.launcher.RunProgress;
import io.assay.launcher.Shard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Shards an array task runs besides its own. When a run has more shards than the cluster has free
 * CPUs, some tasks wait in the queue; a task that has finished its own shard goes on with the shards
 * no process has begun instead of ending, so their trials run in a JVM already started and warm,
 * without waiting for Slurm to start another. The shard's lock decides between a task and any other
 * taking the same shard. The taker writes {@code RUN/slurm/shard-I.claim}, its task as
 * {@code JOB_INDEX}: the submitting command follows that task for the shard, cancels the shard's own
 * task while it still waits, and submits the shard again only once both have ended without finishing it.
 *
 * <pre>{@code
 * Optional<Shard> next = ShardClaims.nextUnstarted(run, new Shard(1, 4), Set.of(1));  // 3/4 while 2 and 3 wait
 * // ... assay.start(settings of 3/4) took its lock:
 * ShardClaims.record(run, next.get());   // RUN/slurm/shard-3.claim: "17_1"
 * }</pre>
 */
public final class ShardClaims {
    private ShardClaims() {
    }

    /**
     * The next shard for the task that ran {@code mine} to take: one no process has begun
     * ({@link RunProgress#unstartedShards}), not in {@code tried}. Tasks finishing at once spread over the waiting shards: the task
     * ranked K among the shards begun takes the K-th waiting one (wrapping), so that two tasks rarely
     * reach for the same.
     */
    public static Optional<Shard> nextUnstarted(Path run, Shard mine, Set<Integer> tried) {
        List<Integer> unstarted = RunProgress.unstartedShards(run);
        long rank = IntStream.range(0, mine.index()).filter(index -> !unstarted.contains(index)).count();
        List<Integer> waiting = unstarted.stream().filter(index -> !tried.contains(index)).toList();
        return waiting.isEmpty() ? Optional.empty()
                : Optional.of(new Shard(waiting.get((int) (rank % waiting.size())), mine.count()));
    }

    /**
     * Records that this process, a Slurm array task, has taken {@code shard} (and holds its lock).
     * Outside an array task (no {@code SLURM_ARRAY_JOB_ID}) nothing: no submitting command follows it.
     */
    public static void record(Path run, Shard shard) {
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        String index = System.getenv("SLURM_ARRAY_TASK_ID");
        if (job == null || index == null) {
            return;
        }
        Path claim = file(run, shard.index());
        Path temporary = claim.resolveSibling(claim.getFileName() + ".tmp");
        try {
            Files.createDirectories(claim.getParent());
            Files.writeString(temporary, job + "_" + index + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, claim, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record in " + claim + " that this task runs shard " + shard, e);
        }
    }

    /** Forgets who took {@code shard}: it is submitted again, its taker having ended. */
    static void forget(Path run, int shard) {
        try {
            Files.deleteIfExists(file(run, shard));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(run, shard), e);
        }
    }

    /** The task that last took {@code shard} besides its own, if any did. */
    static Optional<SlurmQueue.Task> taker(Path run, int shard) {
        String text;
        try {
            text = Files.readString(file(run, shard), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(run, shard), e);
        }
        int separator = text.lastIndexOf('_');
        if (separator < 1 || !text.substring(separator + 1).matches("\\d{1,9}")) {
            return Optional.empty(); // not one this code wrote: followed by nobody, as without a claim
        }
        return Optional.of(new SlurmQueue.Task(text.substring(0, separator), Integer.parseInt(text.substring(separator + 1))));
    }

    static Path file(Path run, int shard) {
        return run.resolve("slurm").resolve("shard-" + shard + ".claim");
    }
}
