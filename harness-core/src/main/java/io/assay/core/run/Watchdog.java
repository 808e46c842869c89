package io.assay.core.run;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Enforces trial timeouts without a thread per trial: one daemon thread checks the armed
 * watches every few milliseconds, interrupts an agent past its deadline, and abandons one that
 * ignores the interruption for a grace period, so a stuck agent can never stall a run.
 */
final class Watchdog implements AutoCloseable {
    private final Set<Watch> armed = ConcurrentHashMap.newKeySet();
    private final long tickNanos;
    private final long graceNanos;
    private final Thread thread;
    private volatile boolean closed;

    /** What a watch saw by the time it was disarmed. */
    enum Verdict {
        /** The agent returned before its deadline. */
        IN_TIME,
        /** The deadline passed; the agent was interrupted. */
        TIMED_OUT,
        /** The agent ignored the interruption; the trial was given up and recorded without it. */
        ABANDONED
    }

    Watchdog(Duration timeout, Duration grace) {
        // Check often enough that a timeout fires within ~5% of its length, but at most every 100 ms.
        this.tickNanos = Math.clamp(timeout.toNanos() / 20, TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(100));
        this.graceNanos = grace.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("assay-watchdog").start(this::watch);
    }

    /**
     * Starts timing the calling thread.
     *
     * @param onAbandon runs on the watchdog thread if the agent ignores its interruption
     */
    Watch arm(Duration timeout, Runnable onAbandon) {
        Watch watch = new Watch(Thread.currentThread(), System.nanoTime() + timeout.toNanos(), onAbandon);
        armed.add(watch);
        return watch;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void watch() {
        while (!closed) {
            long now = System.nanoTime();
            for (Watch watch : armed) {
                watch.check(now);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(tickNanos);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One armed timeout. */
    final class Watch {
        private final Thread target;
        private final long deadline;
        private final Runnable onAbandon;
        private Verdict verdict = Verdict.IN_TIME;
        private boolean done;

        private Watch(Thread target, long deadline, Runnable onAbandon) {
            this.target = target;
            this.deadline = deadline;
            this.onAbandon = onAbandon;
        }

        /** Stops timing; clears an interruption the watchdog caused, so it cannot leak into later work. */
        Verdict disarm() {
            armed.remove(this);
            Verdict result;
            synchronized (this) {
                done = true;
                result = verdict;
            }
            if (result == Verdict.TIMED_OUT) {
                Thread.interrupted();
            }
            return result;
        }

        private void check(long now) {
            boolean abandon = false;
            // Interrupt under the lock: disarm() then knows whether an interrupt was delivered.
            synchronized (this) {
                if (done) {
                    return;
                }
                if (verdict == Verdict.IN_TIME && now - deadline >= 0) {
                    verdict = Verdict.TIMED_OUT;
                    target.interrupt();
                } else if (verdict == Verdict.TIMED_OUT && now - deadline - graceNanos >= 0) {
                    verdict = Verdict.ABANDONED;
                    abandon = true;
                }
            }
            if (abandon) {
                armed.remove(this);
                onAbandon.run();
            }
        }
    }
}
