package io.assay.cli.slurm;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether the submitting command of a Slurm run has prepared the run. A new run is submitted
 * before it is prepared, so that Slurm's scheduling and the tasks' JVM start-up overlap loading and
 * checking the suite; the command then writes {@code RUN/slurm/prepared} once the manifest and the
 * shards' tasks are in place, and each task waits for it before it starts its shard.
 *
 * <pre>{@code
 * Preparation.markPrepared(run);     // the submitting command, after preparing
 * Preparation.await(run, err);       // a task, before its shard: returns at once for a run prepared, or not the Slurm executor's
 * }</pre>
 */
public final class Preparation {
    /** How long a task waits: a suite of millions of tasks loads in a minute or two. */
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private Preparation() {
    }

    /** Records that the run in {@code run} is prepared; any number of times. */
    static void markPrepared(Path run) throws IOException {
        try {
            Files.createDirectories(marker(run).getParent());
            Files.createFile(marker(run));
        } catch (FileAlreadyExistsException already) {
            // prepared by an earlier submission
        }
    }

    /**
     * Returns once the run in {@code run} is prepared: at once for a run the Slurm executor has not
     * begun to submit ({@code RUN/slurm} absent: the shard prepares what it needs itself).
     *
     * @throws InputException when it is not prepared within {@link #LIMIT} (15 minutes): the submitting command ended before preparing it
     */
    public static void await(Path run, PrintWriter err) throws InterruptedException {
        await(run, err, LIMIT);
    }

    static void await(Path run, PrintWriter err, Duration limit) throws InterruptedException {
        Path slurm = marker(run).getParent();
        if (!Files.isDirectory(slurm) || Files.exists(marker(run))) {
            return;
        }
        err.println("Waiting for the submitting command to prepare " + run + "...");
        err.flush();
        long deadline = System.nanoTime() + limit.toNanos();
        try (NewFiles created = NewFiles.in(slurm)) {
            while (!Files.exists(marker(run))) {
                if (System.nanoTime() > deadline) {
                    String waited = limit.toMinutes() > 0 ? limit.toMinutes() + " minutes" : limit.toMillis() + " ms";
                    throw new InputException(run + " was not prepared within " + waited + " of this task's start:"
                            + " the command that submitted it ended before preparing it, or is still loading the suite",
                            "submit the same command again once this job has ended (or cancel it with scancel)");
                }
                created.await(Duration.ofMillis(250));
            }
        }
    }

    private static Path marker(Path run) {
        return run.resolve("slurm").resolve("prepared");
    }
}
