package io.assay.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs slow per-item work (model calls) on virtual threads, a bounded number at once, results in
 * item order. The first failure cancels the rest and is rethrown as it was thrown.
 */
final class Parallel {

    private Parallel() {
    }

    /** One item's work. */
    @FunctionalInterface
    interface Work<T, R> {
        R apply(T item) throws InterruptedException;
    }

    static <T, R> List<R> map(List<T> items, int atOnce, Work<T, R> work) throws InterruptedException {
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
                switch (e.getCause()) {
                    case RuntimeException unchecked -> throw unchecked;
                    case Error error -> throw error;
                    case InterruptedException interrupted -> throw interrupted;
                    default -> throw new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                throw e;
            }
            return results;
        }
    }
}
