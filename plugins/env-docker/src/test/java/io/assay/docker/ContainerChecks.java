package io.assay.docker;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.Map;

/** What tests look up in Docker directly, bypassing the code under test. */
final class ContainerChecks {

    private ContainerChecks() {
    }

    /** The product's own client: what it connects to is what these checks look at. */
    static DockerClient docker() {
        return DockerEngine.client();
    }

    /** Ids of the containers, running or not, that this JVM's environments made for {@code taskId}. */
    static List<String> containersOf(String taskId) {
        return docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerSweeper.TASK, taskId,
                        ContainerSweeper.OWNER, ContainerSweeper.labels(taskId).get(ContainerSweeper.OWNER)))
                .exec().stream().map(container -> container.getId()).toList();
    }

    /** Ids of the running containers this JVM's environments made for {@code taskId}. */
    static List<String> runningContainersOf(String taskId) {
        return docker().listContainersCmd().withStatusFilter(List.of("running"))
                .withLabelFilter(Map.of(ContainerSweeper.TASK, taskId,
                        ContainerSweeper.OWNER, ContainerSweeper.labels(taskId).get(ContainerSweeper.OWNER)))
                .exec().stream().map(container -> container.getId()).toList();
    }

    static boolean exists(String containerId) {
        try {
            docker().inspectContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Waits for a removal Docker does in the background; fails if it has not happened in 20 s. */
    static void awaitRemoved(String containerId) throws InterruptedException {
        long giveUp = System.nanoTime() + 20_000_000_000L;
        while (exists(containerId)) {
            if (System.nanoTime() > giveUp) {
                fail("container " + containerId + " was not removed");
            }
            Thread.sleep(20);
        }
    }
}
