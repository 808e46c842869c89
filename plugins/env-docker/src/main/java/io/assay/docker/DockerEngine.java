package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.assay.spi.EnvironmentException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Docker engine the {@code docker} command of this machine talks to, and a client that speaks
 * the engine's own API version.
 *
 * <pre>{@code
 * DockerClient docker = DockerEngine.client(); // or an EnvironmentException, one line, saying what was tried
 * }</pre>
 *
 * <p>The engine is found as the Docker CLI finds it, by docker-java's settings: {@code DOCKER_HOST}
 * ({@code unix://PATH} or {@code tcp://HOST:PORT}, with {@code DOCKER_TLS_VERIFY} and
 * {@code DOCKER_CERT_PATH}), else the current {@code docker context}, else
 * {@code /var/run/docker.sock}. The API version is the engine's ({@code GET /version}), capped at
 * the newest this client knows, unless {@code api.version} pins one (docker-java's
 * {@code ~/.docker-java.properties} or {@code -Dapi.version}).
 *
 * <p>Assay builds this client itself instead of taking Testcontainers' {@code DockerClientFactory}
 * one. In Testcontainers 2.0 that factory asks every engine for API 1.44, which Debian 12's engine
 * (20.10, API 1.41) refuses; always starts the Ryuk reaper, an image that cannot be pulled offline;
 * and, where {@code /.dockerenv} exists, looks for a gateway, through a helper container if need
 * be. Only environment variables ({@code TESTCONTAINERS_RYUK_DISABLED},
 * {@code TESTCONTAINERS_HOST_OVERRIDE}) turn the last two off, and a program cannot set its own.
 * Assay needs neither: its containers publish no ports, so no host address is looked up, inside a
 * container or not, and it labels and sweeps its own containers ({@link ContainerSweeper}).
 */
final class DockerEngine {
    /** The newest Engine API version docker-java 3.7 is written for; newer engines still speak it. */
    static final RemoteApiVersion NEWEST_API = RemoteApiVersion.VERSION_1_44;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long the engine may take to tell its version. A socket that accepts and never answers
     * would block a read forever: unix sockets ignore read timeouts.
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final boolean IN_A_CONTAINER = Files.exists(Path.of("/.dockerenv"));

    private static DockerClient shared;

    private DockerEngine() {
    }

    /**
     * The client of the engine the environment points at, connected once per JVM.
     *
     * @throws EnvironmentException when no engine answers, saying where it looked and how to fix it
     */
    static synchronized DockerClient client() {
        if (shared == null) {
            String dockerHost = System.getenv(DefaultDockerClientConfig.DOCKER_HOST);
            String origin = dockerHost == null || dockerHost.isBlank()
                    ? "DOCKER_HOST is not set" : "from DOCKER_HOST";
            shared = connect(DefaultDockerClientConfig.createDefaultConfigBuilder(), origin, ANSWER_TIMEOUT);
        }
        return shared;
    }

    /**
     * A new client of the engine {@code settings} point at, speaking its API version.
     *
     * @param settings docker-java's settings; their API version is set to the one chosen
     * @param origin where the engine's address came from, for the error message
     * @throws EnvironmentException when no engine answers within {@code answerTimeout}
     */
    static DockerClient connect(DefaultDockerClientConfig.Builder settings, String origin, Duration answerTimeout) {
        DefaultDockerClientConfig config;
        try {
            config = settings.build();
        } catch (RuntimeException e) {
            // A DOCKER_TLS_VERIFY without certificates, an unreadable ~/.docker/config.json.
            throw new EnvironmentException("cannot read the Docker settings: " + rootMessage(e)
                    + " (docs/sandbox.md#running-with-docker)", e);
        }
        URI host = config.getDockerHost();
        checkSocket(host, origin);
        RemoteApiVersion version = config.getApiVersion();
        if (version == RemoteApiVersion.UNKNOWN_VERSION) {
            version = negotiate(config, origin, answerTimeout);
        }
        return DockerClientImpl.getInstance(settings.withApiVersion(version).build(), http(config));
    }

    /**
     * The engine's API version, or {@link #NEWEST_API} when the engine is newer. Asked without a
     * version in the path, which every engine answers with its own.
     */
    private static RemoteApiVersion negotiate(DefaultDockerClientConfig config, String origin, Duration answerTimeout) {
        DockerClient unversioned = DockerClientImpl.getInstance(config, http(config));
        FutureTask<Version> ask = new FutureTask<>(() -> unversioned.versionCmd().exec());
        Thread.ofVirtual().name("assay-docker-version").start(ask);
        Version answer;
        try {
            answer = ask.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable(config.getDockerHost(), origin, "no answer within " + answerTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw unreachable(config.getDockerHost(), origin, rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while connecting to Docker at " + config.getDockerHost(), e);
        } finally {
            closeQuietly(unversioned); // Also ends a read still waiting for an answer.
        }
        RemoteApiVersion engine = RemoteApiVersion.parseConfigWithDefault(answer.getApiVersion());
        if (engine == RemoteApiVersion.UNKNOWN_VERSION) {
            throw new EnvironmentException("the Docker engine at " + config.getDockerHost()
                    + " did not say which API version it speaks (GET /version gave ApiVersion "
                    + answer.getApiVersion() + "); set api.version in ~/.docker-java.properties to pin one");
        }
        RemoteApiVersion chosen = engine.isGreater(NEWEST_API) ? NEWEST_API : engine;
        RemoteApiVersion oldest = RemoteApiVersion.parseConfigWithDefault(answer.getMinAPIVersion());
        if (oldest != RemoteApiVersion.UNKNOWN_VERSION && oldest.isGreater(chosen)) {
            throw new EnvironmentException("the Docker engine at " + config.getDockerHost() + " (" + answer.getVersion()
                    + ") speaks API " + oldest.getVersion() + " or newer only, and Assay's client at most "
                    + NEWEST_API.getVersion() + "; use a Docker engine that accepts API " + NEWEST_API.getVersion());
        }
        return chosen;
    }

    /** Says plainly why a unix socket cannot be used, before trying it, when the file system tells. */
    private static void checkSocket(URI host, String origin) {
        if (!"unix".equals(host.getScheme())) {
            return;
        }
        Path socket = Path.of(host.getPath());
        if (!Files.exists(socket)) {
            throw IN_A_CONTAINER
                    ? new EnvironmentException("no Docker engine answers at " + host + " (" + origin + "): no such"
                            + " socket, and this runs inside a container (/.dockerenv exists): mount the host's socket"
                            + " (docker run -v /var/run/docker.sock:/var/run/docker.sock ...) or set DOCKER_HOST to an"
                            + " engine reachable from here; docs/sandbox.md#running-with-docker")
                    : unreachable(host, origin, "no such socket");
        }
        if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
            throw new EnvironmentException("permission denied on the Docker socket " + socket + " (" + origin
                    + "): add your user to the docker group (sudo usermod -aG docker $USER, then log in again)"
                    + " or run as a user who may use Docker (docs/sandbox.md#running-with-docker)");
        }
    }

    private static DockerHttpClient http(DefaultDockerClientConfig config) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
    }

    private static EnvironmentException unreachable(URI host, String origin, String reason) {
        return new EnvironmentException("no Docker engine answers at " + host + " (" + origin + "): " + reason
                + "; start the Docker engine (sudo systemctl start docker, or dockerd), or set DOCKER_HOST to where"
                + " it listens (unix:///PATH or tcp://HOST:PORT); docs/sandbox.md#running-with-docker");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // Only the probe's connection: nothing else uses it.
        }
    }
}
