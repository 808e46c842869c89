package io.assay.launcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.assay.core.json.Json;
import io.assay.core.run.RunDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How far a run has got ({@code assay status}): its status, how many trials are recorded of how
 * many expected and, for a run split into shards, the same per shard. Counts the complete lines of
 * the run's files without decoding them, so it is quick on a 100,000-trial run and safe while
 * shards still append to their files.
 *
 * <pre>{@code
 * RunProgress progress = RunProgress.of(Path.of("runs/arith"));
 * System.out.println(progress.trials() + " of " + progress.expectedTrials()
 *         + ", shards done: " + progress.shardsDone() + " of " + progress.shards().size());
 * }</pre>
 *
 * @param directory the run directory
 * @param status the manifest's status ({@link Manifest#status}); a sharded run is {@code running} until
 *     its last shard combines it
 * @param trials trials recorded, in every file
 * @param expectedTrials tasks x epochs
 * @param shards each shard's progress, by index; empty for a run in one process
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunProgress(@JsonSerialize(using = ToStringSerializer.class) Path directory, String status, long trials, long expectedTrials, List<ShardProgress> shards) {

    /**
     * One shard's progress.
     *
     * @param shard {@code I/N}
     * @param trials its trials recorded
     * @param expectedTrials how many it runs
     * @param finished whether it recorded them all and marked itself done
     */
    public record ShardProgress(String shard, long trials, long expectedTrials, boolean finished) {
    }

    /**
     * The progress of the run at {@code path}.
     *
     * @throws InputException when it is not a run directory
     */
    public static RunProgress of(Path path) {
        Manifest manifest = RunDirectory.open(path).readManifest();
        long expected = (long) manifest.suite().evaluated() * manifest.settings().epochs();
        if (manifest.shards() == null) {
            return new RunProgress(path, manifest.status(), lines(path.resolve("trials.jsonl")), expected, List.of());
        }
        List<ShardProgress> shards = new ArrayList<>();
        int count = manifest.shards().count();
        boolean combined = !manifest.shardsPending();
        for (int index = 0; index < count; index++) {
            Shard shard = new Shard(index, count);
            long shardExpected = manifest.shards().expected(index);
            shards.add(new ShardProgress(shard.toString(),
                    combined ? shardExpected : lines(RunDirectory.shardFile(path, shard)), shardExpected,
                    combined || Files.exists(RunDirectory.doneMarker(path, shard))));
        }
        long trials = combined ? lines(path.resolve("trials.jsonl")) : shards.stream().mapToLong(ShardProgress::trials).sum();
        return new RunProgress(path, manifest.status(), trials, expected, List.copyOf(shards));
    }

    /**
     * Refuses a run whose shards are not combined yet, for a reader of {@code trials.jsonl} alone
     * (the viewer, rankings, bundles), which would see it empty: {@link RunReport} reads the shards.
     *
     * @throws InputException "RUN is still sharded: K of N shards done"
     */
    public static void requireCombined(Path path) {
        Manifest manifest = RunDirectory.open(path).readManifest();
        if (manifest.shardsPending()) {
            RunProgress progress = of(path);
            throw new InputException(path + " is still sharded: " + progress.shardsDone() + " of "
                    + manifest.shards().count() + " shards done, so it has no trials.jsonl yet",
                    "`assay status " + path + "` shows its progress; `assay report " + path
                            + "` reads the shards now; this works once the last shard has finished and combined them");
        }
    }

    /**
     * The shards of the sharded run at {@code path} that no process has begun: not finished, and
     * without a recorded byte. From the files' presence and sizes alone, without reading them.
     */
    public static List<Integer> unstartedShards(Path path) {
        Manifest manifest = RunDirectory.open(path).readManifest();
        List<Integer> unstarted = new ArrayList<>();
        for (int index = 0; manifest.shards() != null && index < manifest.shards().count(); index++) {
            Shard shard = new Shard(index, manifest.shards().count());
            if (!finished(path, shard) && sizeOf(RunDirectory.shardFile(path, shard)) == 0) {
                unstarted.add(index);
            }
        }
        return unstarted;
    }

    /** How many shards of the run at {@code path} have finished, from their markers alone; 0 for a run in one process. */
    public static long finishedShards(Path path) {
        Manifest manifest = RunDirectory.open(path).readManifest();
        int count = manifest.shards() == null ? 0 : manifest.shards().count();
        return IntStream.range(0, count).filter(index -> finished(path, new Shard(index, count))).count();
    }

    /**
     * Whether a process runs {@code shard} of the run at {@code path} now (it holds the shard's lock),
     * wherever it runs: the lock is the run directory's, on a file system the processes share.
     */
    public static boolean running(Path path, Shard shard) {
        return RunDirectory.shardRunning(path, shard);
    }

    /** Whether {@code shard} of the run at {@code path} has recorded all its trials and marked itself done. */
    public static boolean finished(Path path, Shard shard) {
        return Files.exists(RunDirectory.doneMarker(path, shard));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException absent) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    /** How many shards finished; 0 for a run in one process. */
    public long shardsDone() {
        return shards.stream().filter(ShardProgress::finished).count();
    }

    /** The progress as {@code assay status --format json} prints it, indented. */
    public String json() {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the progress as JSON", e);
        }
    }

    /** Complete lines in {@code file}: newlines after a non-empty line; a torn last line is not counted. */
    private static long lines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long count = 0;
            int previous = '\n';
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n' && previous != '\n') {
                        count++;
                    }
                    previous = buffer[i];
                }
            }
            return count;
        } catch (NoSuchFileException notYet) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
