package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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
    void anEmptyPoolStartsOneNowAndRefillsInTheBackground() {
        WarmPool pool = new WarmPool(2, this::launch, later);

        assertThat(pool.take()).isEqualTo("c1");
        assertThat(pending).hasSize(2);
        runPending();
        assertThat(pool.take()).isEqualTo("c2");
        assertThat(pool.take()).isEqualTo("c3");
        assertThat(launched).hasValue(3);
    }

    @Test
    void neverHandsOutAContainerTwice() {
        WarmPool pool = new WarmPool(1, this::launch, Runnable::run);
        List<String> taken = new ArrayList<>();
        for (int trial = 0; trial < 5; trial++) {
            taken.add(pool.take());
        }

        assertThat(taken).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aPoolOfZeroStartsEachContainerWhenAsked() {
        WarmPool pool = new WarmPool(0, this::launch, later);

        assertThat(pool.take()).isEqualTo("c1");
        assertThat(pending).isEmpty();
    }
}
