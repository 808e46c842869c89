package io.assay.cli;

import io.assay.launcher.PreparedRun;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while a command works: does what stops the work (stops a run, so it ends
 * {@code interrupted} and resumable; cancels a Slurm job array), then holds the JVM's exit until
 * the command has reported (closed this hook), for at most 30 seconds.
 *
 * <pre>{@code
 * try (InterruptHook hook = InterruptHook.on(run)) {
 *     RunResult result = run.execute(progress);
 *     // report result
 * }
 * }</pre>
 */
public final class InterruptHook implements AutoCloseable {
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;

    private InterruptHook(Runnable stop) {
        hook = new Thread(() -> {
            interrupted = true;
            try {
                stop.run();
                reported.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The JVM is exiting and nothing is left to tell; the command's own report says what stopped.
            }
        }, "assay-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Stops {@code run} on Ctrl-C. */
    static InterruptHook on(PreparedRun run) {
        return new InterruptHook(run::stop);
    }

    /** Runs {@code stop} on Ctrl-C. */
    public static InterruptHook on(Runnable stop) {
        return new InterruptHook(stop);
    }

    /** Whether Ctrl-C came, and the stop ran. */
    public boolean interrupted() {
        return interrupted;
    }

    /** The command has reported: let the JVM exit, and stop watching for Ctrl-C. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is already running and waits for this call to let the JVM exit.
        }
    }
}
