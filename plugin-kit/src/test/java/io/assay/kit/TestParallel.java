package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestParallel {

    @Test
    void resultsComeInItemOrder() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();

        List<Integer> squares = Parallel.map(items, 4, item -> item * item);

        assertThat(squares).isEqualTo(items.stream().map(item -> item * item).toList());
    }

    @Test
    void neverRunsMoreThanTheBoundAtOnce() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        Parallel.map(IntStream.range(0, 40).boxed().toList(), 3, item -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(1);
            running.decrementAndGet();
            return item;
        });

        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void runsItemsAtOnceUpToTheBound() throws InterruptedException {
        // Each item waits for the other: only running both at once lets either finish.
        CountDownLatch both = new CountDownLatch(2);

        List<Boolean> met = Parallel.map(List.of(1, 2), 2, item -> {
            both.countDown();
            both.await();
            return true;
        });

        assertThat(met).containsExactly(true, true);
    }

    @Test
    void rethrowsTheWorksCheckedExceptionAsItWasThrown() {
        assertThatThrownBy(() -> Parallel.map(List.of(1, 2, 3), 2, item -> {
            if (item == 2) {
                throw new IOException("item 2 failed");
            }
            return item;
        })).isExactlyInstanceOf(IOException.class).hasMessage("item 2 failed");
    }

    @Test
    void rethrowsUncheckedExceptionsAsTheyWereThrown() {
        assertThatThrownBy(() -> Parallel.map(List.of("a"), 1, item -> {
            throw new IllegalStateException("broken " + item);
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("broken a");
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatThrownBy(() -> Parallel.map(List.of(), 0, item -> item))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("atOnce must be at least 1, got 0");
    }
}
