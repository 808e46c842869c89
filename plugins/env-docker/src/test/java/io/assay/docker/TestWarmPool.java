package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool's bookkeeping, with a launcher that only counts and background work run at once. */
class TestWarmPool {
    private final AtomicInteger launched = new AtomicInteger();
    private final List<Runnable> pending = new ArrayList<>();
    private final Executor later = pending::add;

    private String launch() {
        return "c" + launched.incrementAndGet();
    }

    private void runPending() {
        List<Runnable> now = List.copyOf(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void anEmptyPoolStartsOneNowAndRefillsInTheBackground() throws InterruptedException {
        WarmPool pool = new WarmPool(() -> 2, this::launch, later);

        assertThat(pool.take()).isEqualTo("c1");
        assertThat(pending).hasSize(2);
        runPending();
        assertThat(pool.take()).isEqualTo("c2");
        assertThat(pool.take()).isEqualTo("c3");
        assertThat(launched).hasValue(3);
    }

    @Test
    void neverHandsOutAContainerTwice() throws InterruptedException {
        WarmPool pool = new WarmPool(() -> 1, this::launch, Runnable::run);
        List<String> taken = new ArrayList<>();
        for (int trial = 0; trial < 5; trial++) {
            taken.add(pool.take());
        }

        assertThat(taken).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void refillsToTheSizeAskedAtEachRefill() throws InterruptedException {
        AtomicInteger size = new AtomicInteger(1);
        WarmPool pool = new WarmPool(size::get, this::launch, later);

        pool.take();
        assertThat(pending).hasSize(1);
        runPending();
        size.set(0);
        pool.take();
        assertThat(pending).isEmpty();
        size.set(2);
        pool.refill();
        assertThat(pending).hasSize(2);
    }

    @Test
    @Timeout(30) // only a safeguard against hanging if a trial waited for a container never coming
    void aTrialTakesTheContainerAlreadyStartingRatherThanStartingItsOwn() throws Exception {
        WarmPool pool = oneStarting();
        // One container is starting in the background for the trial that comes next.
        AtomicReference<String> taken = new AtomicReference<>();
        Thread next = trial(pool, taken::set);

        runPending();
        next.join();

        assertThat(taken).hasValue("c2");
        assertThat(launched).hasValue(2);
    }

    @Test
    @Timeout(30) // only a safeguard against hanging if a trial waited for a container never coming
    void trialsBeyondTheContainersStartingStartTheirOwn() throws Exception {
        WarmPool pool = oneStarting();
        // One container is starting in the background and two trials come: one waits for it.
        Set<String> taken = ConcurrentHashMap.newKeySet();
        List<Thread> trials = new ArrayList<>();
        for (int trial = 0; trial < 2; trial++) {
            trials.add(trial(pool, taken::add));
        }
        while (launched.get() < 2) {
            Thread.onSpinWait(); // the other trial starts its own rather than wait for the same one
        }

        runPending();
        for (Thread trial : trials) {
            trial.join();
        }

        assertThat(taken).hasSize(2).doesNotContain("c1");
        assertThat(launched).hasValue(3);
    }

    /** A pool of one whose first container was taken, with the next one starting and the size now 0. */
    private WarmPool oneStarting() throws InterruptedException {
        AtomicInteger size = new AtomicInteger(1);
        WarmPool pool = new WarmPool(size::get, this::launch, later);
        pool.take();
        size.set(0);
        return pool;
    }

    /** A trial on a virtual thread of its own, handing the container it takes to {@code taken}. */
    private static Thread trial(WarmPool pool, Consumer<String> taken) {
        return Thread.ofVirtual().start(() -> {
            try {
                taken.accept(pool.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aPoolOfZeroStartsEachContainerWhenAsked() throws InterruptedException {
        WarmPool pool = new WarmPool(() -> 0, this::launch, later);

        assertThat(pool.take()).isEqualTo("c1");
        assertThat(pending).isEmpty();
    }
}
