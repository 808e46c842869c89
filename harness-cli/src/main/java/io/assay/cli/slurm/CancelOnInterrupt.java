package io.assay.cli.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C while the submitting command waits: cancels the run's array jobs ({@code scancel}), whose
 * shards stop as on Ctrl-C (Slurm sends them SIGTERM) and stay resumable, then holds the JVM's exit
 * until the command has reported, for at most 30 seconds.
 *
 * <pre>{@code
 * try (CancelOnInterrupt cancel = CancelOnInterrupt.install(attempts::jobs)) {
 *     ... wait for the shards ...
 *     if (cancel.interrupted()) { ... }
 * }
 * }</pre>
 */
final class CancelOnInterrupt implements AutoCloseable {
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;

    private CancelOnInterrupt(Supplier<List<String>> jobs) {
        hook = new Thread(() -> {
            interrupted = true;
            List<String> scancel = new ArrayList<>(List.of("scancel"));
            scancel.addAll(jobs.get());
            try {
                if (scancel.size() > 1) {
                    SlurmCommand.run(scancel);
                }
                reported.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The JVM is exiting: the jobs are named in the run's slurm folder for a manual scancel.
            }
        }, "assay-scancel");
    }

    /** Cancels the array jobs {@code jobs} names at that moment, on Ctrl-C. */
    static CancelOnInterrupt install(Supplier<List<String>> jobs) {
        CancelOnInterrupt cancel = new CancelOnInterrupt(jobs);
        Runtime.getRuntime().addShutdownHook(cancel.hook);
        return cancel;
    }

    /** Whether Ctrl-C came, and the jobs were cancelled. */
    boolean interrupted() {
        return interrupted;
    }

    /** The command has reported: let the JVM exit, and stop watching for Ctrl-C. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and waits for this call to let the JVM exit.
        }
    }
}
