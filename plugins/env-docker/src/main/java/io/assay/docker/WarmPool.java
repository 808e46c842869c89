package io.assay.docker;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Started containers of one task, kept ready so a trial need not wait for one to start. Each
 * container serves one trial only; taking one starts its replacement in the background, as many
 * as the pool's size says at that moment (which the environment lowers to the trials it knows are
 * coming, so that no container is started that no trial takes).
 */
final class WarmPool {
    private final IntSupplier size;
    private final Supplier<String> launcher;
    private final Executor background;
    private final Deque<String> ready = new ConcurrentLinkedDeque<>();
    // A lock rather than synchronized: trials wait here on virtual threads, which a monitor pins on JDK 21.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition launched = lock.newCondition();
    private int launching;
    /** Trials waiting in {@link #take} for a container starting in the background: one each. */
    private int waiting;

    /**
     * @param size how many started containers to keep ready, asked at every refill
     * @param launcher starts a container and returns its id
     * @param background runs the launches that refill the pool; once it is shut down, refills stop
     */
    WarmPool(IntSupplier size, Supplier<String> launcher, Executor background) {
        this.size = size;
        this.launcher = launcher;
        this.background = background;
    }

    /**
     * A started container no trial has used: a ready one, else one starting in the background that
     * no other trial is waiting for (it started before this call, so is ready no later than one
     * started now, and might otherwise wait for a trial that never comes), else one started now.
     */
    String take() throws InterruptedException {
        String id;
        lock.lock();
        try {
            while ((id = ready.pollFirst()) == null && launching > waiting) {
                waiting++;
                try {
                    launched.await();
                } finally {
                    waiting--;
                }
            }
        } finally {
            lock.unlock();
        }
        refill();
        return id != null ? id : launcher.get();
    }

    /** Starts containers in the background until as many are ready or starting as the size says. */
    void refill() {
        lock.lock();
        try {
            while (ready.size() + launching < size.getAsInt()) {
                try {
                    background.execute(this::launchOne);
                } catch (RejectedExecutionException closing) {
                    return;
                }
                launching++;
            }
        } finally {
            lock.unlock();
        }
    }

    private void launchOne() {
        try {
            ready.addLast(launcher.get());
        } catch (RuntimeException e) {
            // Left empty: the next trial starts its own container and reports the failure.
        } finally {
            lock.lock();
            try {
                launching--;
                launched.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
