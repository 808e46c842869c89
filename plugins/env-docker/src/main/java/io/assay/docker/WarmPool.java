package io.assay.docker;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Started containers of one task, kept ready so a trial need not wait for one to start. Each
 * container serves one trial only; taking one starts its replacement in the background.
 */
final class WarmPool {
    private final int size;
    private final Supplier<String> launcher;
    private final Executor background;
    private final Deque<String> ready = new ConcurrentLinkedDeque<>();
    private int launching;

    /**
     * @param size how many started containers to keep ready
     * @param launcher starts a container and returns its id
     * @param background runs the launches that refill the pool; once it is shut down, refills stop
     */
    WarmPool(int size, Supplier<String> launcher, Executor background) {
        this.size = size;
        this.launcher = launcher;
        this.background = background;
    }

    /** A started container no trial has used: a ready one, else one started now. */
    String take() {
        String id = ready.pollFirst();
        refill();
        return id != null ? id : launcher.get();
    }

    private synchronized void refill() {
        while (ready.size() + launching < size) {
            try {
                background.execute(this::launchOne);
            } catch (RejectedExecutionException closing) {
                return;
            }
            launching++;
        }
    }

    private void launchOne() {
        try {
            ready.addLast(launcher.get());
        } catch (RuntimeException e) {
            // Left empty: the next trial starts its own container and reports the failure.
        } finally {
            synchronized (this) {
                launching--;
            }
        }
    }
}
