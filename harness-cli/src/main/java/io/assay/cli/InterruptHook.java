package io.assay.cli;

import io.assay.launcher.PreparedRun;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while a run executes: stops the run, so it ends {@code interrupted} and resumable, and
 * holds the JVM's exit until the command has reported (closed this hook), for at most 30 seconds.
 *
 * <pre>{@code
 * try (InterruptHook hook = InterruptHook.on(run)) {
 *     RunResult result = run.execute(progress);
 *     // report result
 * }
 * }</pre>
 */
final class InterruptHook implements AutoCloseable {
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    private InterruptHook(PreparedRun run) {
        hook = new Thread(() -> {
            run.stop();
            try {
                reported.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "assay-interrupt");
    }

    /** Installs the hook for {@code run}. */
    static InterruptHook on(PreparedRun run) {
        InterruptHook interrupt = new InterruptHook(run);
        Runtime.getRuntime().addShutdownHook(interrupt.hook);
        return interrupt;
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
