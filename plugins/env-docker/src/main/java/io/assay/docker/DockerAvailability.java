package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import io.assay.spi.EnvironmentException;
import org.testcontainers.DockerClientFactory;

/** The Docker client, or a plain error saying Docker is needed when no engine is reachable. */
final class DockerAvailability {
    static final String UNAVAILABLE = "Docker is needed for this suite and none is reachable "
            + "(DOCKER_HOST / /var/run/docker.sock): start the Docker engine (docs/sandbox.md)";

    private DockerAvailability() {
    }

    /** Testcontainers' shared client, configured from DOCKER_HOST, ~/.docker-java.properties and the like. */
    static DockerClient client() {
        DockerClientFactory factory = DockerClientFactory.instance();
        if (!factory.isDockerAvailable()) {
            throw new EnvironmentException(UNAVAILABLE);
        }
        try {
            return factory.client();
        } catch (RuntimeException e) {
            // For example Testcontainers failing to pull its Ryuk reaper image offline: Assay labels
            // and sweeps its own containers, so the reaper can be turned off.
            throw new EnvironmentException("Docker is reachable but could not be used: " + e.getMessage()
                    + " (offline? set TESTCONTAINERS_RYUK_DISABLED=true, as ./assay does; docs/sandbox.md)", e);
        }
    }
}
