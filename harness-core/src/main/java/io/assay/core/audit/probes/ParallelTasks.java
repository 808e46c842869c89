package io.assay.core.audit.probes;

import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs a probe's per-task work on several tasks at once, results in task order. Each task's work
 * may hold an environment session, so at most {@link #PARALLEL_TASKS} run together, as many as a
 * run's default {@code --concurrency}. The first failure cancels the rest and is rethrown.
 */
public final class ParallelTasks {
    static final int PARALLEL_TASKS = 8;

    private ParallelTasks() {
    }

    /** One task's work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Task task) throws Exception;
    }

    public static <T> List<T> map(List<Task> tasks, Work<T> work) throws Exception {
        Semaphore slots = new Semaphore(PARALLEL_TASKS);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Task task : tasks) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return work.run(task);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<T> results = new ArrayList<>(tasks.size());
            try {
                for (Future<T> future : futures) {
                    results.add(future.get());
                }
            } catch (ExecutionException e) {
                executor.shutdownNow();
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (InterruptedException e) {
                executor.shutdownNow();
                throw e;
            }
            return results;
        }
    }
}
