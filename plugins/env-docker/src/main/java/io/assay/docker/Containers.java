package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.assay.docker.TaskImages.TaskImage;
import io.assay.spi.EnvironmentException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Creates and starts trial containers with the task's limits and Assay's labels, and remembers
 * each one until it is removed, so that none outlives its environment.
 */
final class Containers {
    private final DockerClient docker;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final String runId;
    private final boolean allowInternet;

    /** @param allowInternet gives every task the bridge network, whatever its task.toml says */
    Containers(DockerClient docker, String runId, boolean allowInternet) {
        this.docker = docker;
        this.runId = runId;
        this.allowInternet = allowInternet;
    }

    /** Docker's network mode for the task's containers: {@code bridge} when the internet is allowed, else {@code none}. */
    String networkMode(HarborTask task) {
        return allowInternet || task.allowInternet() ? "bridge" : "none";
    }

    /**
     * Starts a container that idles until commands are exec'd in it: no network unless the task
     * or the run allows the internet, and the task's CPU and memory limits.
     */
    String launch(TaskImage image, HarborTask task) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(networkMode(task))
                // An init process reaps the zombies that agents' background commands leave behind.
                .withInit(true);
        if (task.cpus() > 0) {
            host.withNanoCPUs(Math.round(task.cpus() * 1e9));
        }
        if (task.memoryBytes() > 0) {
            host.withMemory(task.memoryBytes()).withMemorySwap(task.memoryBytes());
        }
        String id;
        try {
            id = docker.createContainerCmd(image.tag())
                    // The command, not the entrypoint, as Harbor does: an image's ENTRYPOINT still runs
                    // (and must exec "$@"), so its start-up effects are part of the task.
                    .withCmd("sleep", "infinity")
                    .withWorkingDir(image.workdir())
                    .withLabels(labels(task))
                    .withHostConfig(host)
                    .exec()
                    .getId();
        } catch (RuntimeException e) {
            throw new EnvironmentException("could not create a container of task " + task.id() + " from "
                    + image.tag() + ": " + e.getMessage(), e);
        }
        live.add(id);
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            EnvironmentException failure = new EnvironmentException("could not start a container of task "
                    + task.id() + " from " + image.tag() + ": " + e.getMessage(), e);
            try {
                remove(id);
            } catch (EnvironmentException notRemoved) {
                failure.addSuppressed(notRemoved);
            }
            throw failure;
        }
        return id;
    }

    /** Removes a container with its volumes, killing what still runs in it. */
    void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Nothing left to remove.
        } catch (RuntimeException e) {
            // Stays in `live` for the next attempt, and the sweeper finds it if this JVM dies first.
            throw new EnvironmentException("could not remove container " + id + ": " + e.getMessage(), e);
        }
        live.remove(id);
    }

    /**
     * Removes every container still alive, in parallel.
     *
     * @throws EnvironmentException naming those that could not be removed
     */
    void removeAll() {
        List<String> failures = new CopyOnWriteArrayList<>();
        try (ExecutorService removals = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : List.copyOf(live)) {
                removals.execute(() -> {
                    try {
                        remove(id);
                    } catch (EnvironmentException e) {
                        failures.add(e.getMessage());
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            throw new EnvironmentException(String.join("; ", failures));
        }
    }

    private Map<String, String> labels(HarborTask task) {
        Map<String, String> labels = new HashMap<>(ContainerSweeper.labels(task.id()));
        labels.put(ContainerSweeper.RUN, runId);
        return labels;
    }
}
