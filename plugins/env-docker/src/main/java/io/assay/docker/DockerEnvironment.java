package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import io.assay.docker.TaskImages.TaskImage;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentException;
import io.assay.spi.Task;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs each trial of a Harbor suite in a fresh container of its task's image. Images are built
 * once; a warm pool per image and limits keeps started containers ready; finished trials' containers are
 * removed in the background, and whatever is left when the environment closes, or the JVM exits,
 * is removed too.
 */
final class DockerEnvironment implements Environment {
    /** How long closing waits for image builds and container launches under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final Function<String, HarborTask> reader;
    private final int warmPool;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final TaskImages images;
    private final Containers containers;
    private final Map<String, HarborTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, WarmPool> pools = new ConcurrentHashMap<>();
    /** Trials announced by {@link #expect} and not yet started, by container shape. */
    private final Map<String, AtomicInteger> coming = new ConcurrentHashMap<>();
    private final Thread removeOnExit;
    private volatile boolean closed;
    /** Whether the harness says which trials are coming ({@link #expect}). */
    private volatile boolean told;

    /**
     * @param reader the Harbor task of a task id
     * @param warmPool how many started containers to keep ready per image and limits
     * @param allowInternet gives every task the bridge network, whatever its task.toml says
     * @param runId labels every container, so a run's containers can be found
     */
    DockerEnvironment(DockerClient docker, Function<String, HarborTask> reader, int warmPool, boolean allowInternet,
                      String runId) {
        this.docker = docker;
        this.reader = reader;
        this.warmPool = warmPool;
        this.images = new TaskImages(docker, background);
        this.containers = new Containers(docker, runId, allowInternet);
        // Ctrl-C or System.exit before close() must not leave containers running.
        this.removeOnExit = new Thread(containers::removeAll, "assay-docker-cleanup");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
    }

    @Override
    public ContainerSession start(Task task, long seed) throws InterruptedException {
        if (closed) {
            throw new EnvironmentException("the docker environment is closed");
        }
        HarborTask harbor = tasks.computeIfAbsent(task.id(), reader);
        TaskImage image = images.image(harbor);
        String shape = shape(harbor);
        AtomicInteger coming = coming(shape);
        coming.updateAndGet(trials -> Math.max(0, trials - 1)); // this one
        String id = pools.computeIfAbsent(shape, key -> new WarmPool(
                () -> told ? Math.min(warmPool, coming.get()) : warmPool,
                () -> containers.launch(image, harbor), background)).take();
        ContainerSession session = new ContainerSession(docker, id, harbor, image, () -> release(id));
        if (closed) {
            session.close(); // Closed while this container started: close() may have missed it.
            throw new EnvironmentException("the docker environment is closed");
        }
        return session;
    }

    /**
     * Counts a trial of {@code task} as coming. Once told of any, the warm pools keep ready only as
     * many containers as trials of their shape are coming (at most {@code warm_pool}), so an audit
     * starts no container that no trial takes; told nothing, as in a run, they keep {@code warm_pool}.
     */
    @Override
    public void expect(Task task) {
        String shape;
        try {
            shape = shape(tasks.computeIfAbsent(task.id(), reader));
        } catch (RuntimeException unreadable) {
            return; // The trial's start fails the same way and reports it.
        }
        told = true;
        coming(shape).incrementAndGet();
        WarmPool pool = pools.get(shape);
        if (pool != null) {
            pool.refill();
        }
    }

    /**
     * One pool per container shape, not per task: tasks built from the same environment/ with the
     * same limits share warm containers, which is what lets a trial skip the container start.
     */
    private String shape(HarborTask harbor) {
        return images.tag(harbor) + "|" + harbor.cpus() + "|" + harbor.memoryBytes() + "|" + containers.networkMode(harbor);
    }

    private AtomicInteger coming(String shape) {
        return coming.computeIfAbsent(shape, key -> new AtomicInteger());
    }

    /** How many images this environment built rather than found. */
    int builds() {
        return images.builds();
    }

    /** Removes every container left: pooled, still in a trial, or being launched. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        background.shutdown();
        background.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        containers.removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException exiting) {
            // The hook is running or about to: nothing to undo.
        }
    }

    private void release(String id) {
        try {
            background.execute(() -> {
                try {
                    containers.remove(id);
                } catch (EnvironmentException e) {
                    // Still listed as live: close() tries again, and the sweeper after a crash.
                }
            });
        } catch (RejectedExecutionException closing) {
            containers.remove(id);
        }
    }
}
