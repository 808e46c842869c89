package io.assay.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs slow per-item work (trials, model calls) on virtual threads, at most a given number at
 * once, results in item order. The first failure cancels the rest and is rethrown as the work
 * threw it.
 *
 * <pre>{@code
 * // Grade every task with its judge, 8 model calls at a time.
 * List<RewardResult> results = Parallel.map(tasks, 8, task -> judge.grade(task));
 * }</pre>
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * One item's work.
     *
     * @param <X> the checked exception it may throw ({@code RuntimeException} for none)
     */
    @FunctionalInterface
    public interface Work<T, R, X extends Exception> {
        R apply(T item) throws X;
    }

    /**
     * {@code work} applied to every item, at most {@code atOnce} items at a time.
     *
     * @throws X the first exception the work threw; the others' work is cancelled
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public static <T, R, X extends Exception> List<R> map(List<T> items, int atOnce, Work<T, R, X> work)
            throws X, InterruptedException {
        if (atOnce < 1) {
            throw new IllegalArgumentException("atOnce must be at least 1, got " + atOnce);
        }
        Semaphore slots = new Semaphore(atOnce);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return work.apply(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            try {
                for (Future<R> future : futures) {
                    results.add(future.get());
                }
            } catch (ExecutionException e) {
                executor.shutdownNow();
                throw Parallel.<X>thrown(e.getCause());
            } catch (InterruptedException e) {
                executor.shutdownNow();
                throw e;
            }
            return results;
        }
    }

    /** What the work threw, as it threw it: unchecked, interrupted, or the work's own checked {@code X}. */
    @SuppressWarnings("unchecked")
    private static <X extends Exception> X thrown(Throwable cause) throws InterruptedException {
        switch (cause) {
            case RuntimeException unchecked -> throw unchecked;
            case Error error -> throw error;
            case InterruptedException interrupted -> throw interrupted;
            default -> {
                return (X) cause; // Work declares no other checked exception than X.
            }
        }
    }
}
