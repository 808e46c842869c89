package io.assay.core.run;

import io.assay.launcher.Shard;
import io.assay.launcher.ShardHeldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * One process's exclusive hold on one shard of a run: a lock on {@code shards/I-of-N.lock}, taken
 * before the shard's file is repaired or read and held while the shard runs. A second process of the
 * same shard (a pod retried, a task requeued, a user starting it again) is refused instead of
 * appending the same trials, or cutting a line the first is writing. The operating system releases
 * the lock when the process dies, so a killed shard can be started again at once.
 *
 * <pre>{@code
 * try (ShardLock held = ShardLock.take(runDirectory, new Shard(1, 4))) {
 *     // repair, read and append to shards/1-of-4.jsonl
 * }
 * }</pre>
 */
final class ShardLock implements AutoCloseable {
    /**
     * The lock files held in this JVM. A file lock is per process, and on POSIX systems closing any
     * channel of a file drops every lock the process holds on it, so a second attempt in this JVM is
     * refused here, before it opens a channel of its own.
     */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path file;
    private final FileChannel channel;

    private ShardLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Takes the lock of {@code shard} of the run in {@code run}, whose {@code shards/} folder exists.
     *
     * @throws ShardHeldException when another process, or another run in this one, holds it
     */
    static ShardLock take(Path run, Shard shard) {
        Path file;
        try {
            file = run.resolve(RunDirectory.SHARDS).toRealPath().resolve(shard.name() + ".lock");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock shard " + shard + " of " + run, e);
        }
        synchronized (HELD) {
            if (HELD.contains(file)) {
                throw alreadyRunning(run, shard);
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw alreadyRunning(run, shard);
                }
            } catch (OverlappingFileLockException heldElsewhereInThisProcess) {
                // Not closed: that would drop the other holder's lock too (see HELD).
                throw alreadyRunning(run, shard);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock shard " + shard + " of " + run + " (" + file + ")", e);
            }
            HELD.add(file);
            return new ShardLock(file, channel);
        }
    }

    /**
     * Whether a process (this one included) holds the lock of {@code shard} of the run in {@code run}
     * now, that is, runs the shard. Looks by taking the lock and letting it go at once: a process
     * starting the shard at that very moment is refused, as by any other holder.
     */
    static boolean held(Path run, Shard shard) {
        Path file = run.resolve(RunDirectory.SHARDS).resolve(shard.name() + ".lock");
        synchronized (HELD) {
            try {
                if (!Files.exists(file)) {
                    return false; // never taken
                }
                if (HELD.contains(file.toRealPath())) {
                    return true; // by a run in this process
                }
                FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException heldElsewhereInThisProcess) {
                    return true; // not closed: that would drop the other holder's lock too (see HELD)
                } catch (IOException e) {
                    closeQuietly(channel);
                    throw e;
                }
                channel.close(); // releases the lock just taken, if any
                return lock == null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look at the lock of shard " + shard + " of " + run + " (" + file + ")", e);
            }
        }
    }

    private static ShardHeldException alreadyRunning(Path run, Shard shard) {
        return new ShardHeldException("shard " + shard + " of " + run + " is already running in another process",
                "let it finish, or stop it and start the shard again; `assay status " + run + "` shows its progress");
    }

    /** Releases the lock; any number of times. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (channel.isOpen()) {
                closeQuietly(channel); // closing the channel releases its lock
                HELD.remove(file);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel, or with the process at the latest
        }
    }
}
