package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.assay.spi.Sweeper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Labels the containers Assay creates with the JVM that owns them, and removes those whose owner
 * is gone, so a JVM killed mid-run leaves nothing behind once the next environment starts or
 * {@code assay gc} runs (as this plugin's {@link Sweeper}).
 *
 * <pre>{@code
 * int removed = ContainerSweeper.sweep(DockerEngine.client(), false); // containers of dead JVMs on this host
 * }</pre>
 *
 * <p>The owner label is {@code host:pid:start-millis}: the start time tells a live JVM from a
 * later process that reused its pid.
 */
public final class ContainerSweeper implements Sweeper {
    static final String MANAGED = "assay.managed";
    static final String OWNER = "assay.owner";
    static final String TASK = "assay.task";
    static final String RUN = "assay.run";

    /**
     * This JVM's owner label, made when a container is first labelled or swept, not when the plugin
     * lists its sweeper: every command lists it, and the host's name costs a cold start about 15 ms.
     */
    private static final class Owner {
        static final String HOST = hostName();
        static final String CURRENT = HOST + ":" + ProcessHandle.current().pid() + ":"
                + startMillis(ProcessHandle.current());
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String description() {
        return "removes sandbox containers of assay runs that are no longer running";
    }

    /**
     * {@code assay gc}: removes every Assay container whose owner JVM is not running, those of other
     * hosts and with an unreadable owner included, since nothing else would ever remove them.
     *
     * @throws io.assay.spi.EnvironmentException when Docker is unreachable
     */
    @Override
    public int sweep() {
        return sweep(DockerEngine.client(), true);
    }

    /**
     * Removes every Assay container whose owner JVM is not running on this host.
     *
     * @param all also remove those owned by another host, or with an unreadable owner, whose
     *     liveness this host cannot check
     * @return how many containers were removed
     */
    static int sweep(DockerClient docker, boolean all) {
        int removed = 0;
        for (Container container : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(MANAGED, "true")).exec()) {
            if (isOrphan(container.getLabels().get(OWNER), all)) {
                try {
                    docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed++;
                } catch (NotFoundException alreadyGone) {
                    // Removed meanwhile by its owner's own cleanup.
                }
            }
        }
        return removed;
    }

    /**
     * The labels of a container created in this JVM for {@code taskId}. A warm container may then
     * serve another task built from the same image with the same limits.
     */
    static Map<String, String> labels(String taskId) {
        return Map.of(MANAGED, "true", OWNER, Owner.CURRENT, TASK, taskId);
    }

    static boolean isOrphan(String owner, boolean all) {
        int startAt = owner == null ? -1 : owner.lastIndexOf(':');
        int pidAt = startAt <= 0 ? -1 : owner.lastIndexOf(':', startAt - 1);
        if (pidAt < 0 || !owner.substring(0, pidAt).equals(Owner.HOST)) {
            return all;
        }
        try {
            long pid = Long.parseLong(owner.substring(pidAt + 1, startAt));
            long start = Long.parseLong(owner.substring(startAt + 1));
            return !isAlive(pid, start);
        } catch (NumberFormatException e) {
            return all;
        }
    }

    private static boolean isAlive(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive() && startMillis(process.get()) == startMillis;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
