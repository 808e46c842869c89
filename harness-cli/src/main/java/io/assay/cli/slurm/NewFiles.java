package io.assay.cli.slurm;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a file to appear in a folder, or for a time, whichever comes first: the submitting
 * command of a Slurm run sees the combined run's manifest land in the run directory at once, not at
 * its next look. Where the file system cannot tell (no watch service left, say), it waits the time.
 *
 * <pre>{@code
 * try (NewFiles files = NewFiles.in(runDirectory)) {
 *     while (!combined()) files.await(Duration.ofMillis(250));
 * }
 * }</pre>
 */
final class NewFiles implements AutoCloseable {
    private final WatchService watch;

    private NewFiles(WatchService watch) {
        this.watch = watch;
    }

    /** Watches {@code folder} for new files (a file moved in is one). */
    static NewFiles in(Path folder) {
        WatchService watch = null;
        try {
            watch = folder.getFileSystem().newWatchService();
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            return new NewFiles(watch);
        } catch (IOException | UnsupportedOperationException cannotWatch) {
            close(watch);
            return new NewFiles(null);
        }
    }

    /** Returns when a file has appeared since the last call, or after {@code most}. */
    void await(Duration most) throws InterruptedException {
        if (watch == null) {
            Thread.sleep(most);
            return;
        }
        WatchKey key = watch.poll(most.toNanos(), TimeUnit.NANOSECONDS);
        if (key != null) {
            key.pollEvents();
            key.reset();
        }
    }

    @Override
    public void close() {
        close(watch);
    }

    private static void close(WatchService watch) {
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException ignored) {
                // nothing is left to wait for
            }
        }
    }
}
