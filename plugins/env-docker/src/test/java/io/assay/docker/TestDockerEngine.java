package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.sun.net.httpserver.HttpServer;
import io.assay.spi.EnvironmentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the engine and speaking its API version, against fake engines on loopback: no Docker
 * needed, and no settings beyond where the engine listens.
 */
class TestDockerEngine {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer engine;

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(0);
        }
    }

    @Test
    void speaksTheApiVersionOfAnOlderEngine() {
        DockerClient docker = connect(fakeEngine("1.41", "1.12"));

        docker.pingCmd().exec();

        assertThat(requests).containsExactly("GET /version", "GET /v1.41/_ping");
    }

    @Test
    void speaksTheNewestApiItKnowsToANewerEngine() {
        DockerClient docker = connect(fakeEngine("1.52", "1.24"));

        docker.pingCmd().exec();

        assertThat(requests).containsExactly("GET /version", "GET /v" + DockerEngine.NEWEST_API.getVersion() + "/_ping");
    }

    @Test
    void keepsAnApiVersionTheUserPinned() {
        DockerClient docker = DockerEngine.connect(settings(fakeEngine("1.41", "1.12")).withApiVersion("1.40"),
                "from a test", ANSWER_TIMEOUT);

        docker.pingCmd().exec();

        assertThat(requests).containsExactly("GET /v1.40/_ping");
    }

    @Test
    void refusesAnEngineThatNoLongerSpeaksTheNewestApiItKnows() {
        String host = fakeEngine("1.52", "1.45");

        assertThatThrownBy(() -> connect(host))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("the Docker engine at " + host + " (99.0.0) speaks API 1.45 or newer only, and Assay's"
                        + " client at most 1.44; use a Docker engine that accepts API 1.44");
    }

    @Test
    void saysWhereItLookedAndHowToFixItWhenNothingListens() throws IOException {
        String host = "tcp://127.0.0.1:" + closedPort();

        assertThatThrownBy(() -> connect(host))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("no Docker engine answers at " + host + " (from a test): ")
                .hasMessageContaining("Connection refused")
                .hasMessageEndingWith("; start the Docker engine (sudo systemctl start docker, or dockerd), or set"
                        + " DOCKER_HOST to where it listens (unix:///PATH or tcp://HOST:PORT);"
                        + " docs/sandbox.md#running-with-docker")
                .message().doesNotContain("\n");
    }

    @Test
    void saysSoWhenTheSocketDoesNotExist() {
        String host = "unix://" + temp.resolve("docker.sock");

        assertThatThrownBy(() -> connect(host))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("no Docker engine answers at " + host + " (from a test): no such socket");
    }

    @Test
    void givesUpOnASocketThatNeverAnswers() throws IOException {
        Path socket = temp.resolve("silent.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            SilentSocket.acceptForever(silent);

            assertThatThrownBy(() -> DockerEngine.connect(settings("unix://" + socket), "from a test", Duration.ofSeconds(1)))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageStartingWith("no Docker engine answers at unix://" + socket
                            + " (from a test): no answer within 1 s; ");
        }
    }

    private DockerClient connect(String host) {
        return DockerEngine.connect(settings(host), "from a test", ANSWER_TIMEOUT);
    }

    /** docker-java's settings with nothing but the host: this machine's own settings stay out. */
    private static DefaultDockerClientConfig.Builder settings(String host) {
        return new DefaultDockerClientConfig.Builder().withDockerHost(host);
    }

    /** An engine answering {@code GET /version} and pings, recording every request; its {@code tcp://} address. */
    private String fakeEngine(String apiVersion, String minApiVersion) {
        try {
            engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        engine.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            byte[] body = (path.equals("/version")
                    ? "{\"Version\":\"99.0.0\",\"ApiVersion\":\"" + apiVersion + "\",\"MinAPIVersion\":\""
                            + minApiVersion + "\",\"Os\":\"linux\"}"
                    : "OK").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", path.equals("/version") ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        engine.start();
        return "tcp://127.0.0.1:" + engine.getAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
