package io.assay.view.browser;

import io.assay.view.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.view.ViewServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code assay view} answers over HTTP, below the pages: only what is in the folders it was
 * given (no path reaches a file beside them), only to loopback names when it listens on loopback,
 * and every response under the Content-Security-Policy. Requests are written byte for byte on a
 * socket, so no client tidies a {@code ..} away before the viewer sees it.
 */
class TestViewerHttp {
    private static final String SECRET = "TOP SECRET, beside the served folder";

    @TempDir
    static Path work;
    static Fixtures.MixedRuns runs;
    @AutoClose
    static ViewServer viewer;

    @BeforeAll
    static void startTheViewer() throws Exception {
        runs = Fixtures.mixedRuns(work);
        Files.writeString(work.resolve("secret.txt"), SECRET);
        Fixtures.copyTree(runs.oracle(), work.resolve("elsewhere/unserved-run"));
        viewer = ViewServer.start(List.of(Fixtures.served(work)), "127.0.0.1", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/runs/..%2F..%2Fetc%2Fpasswd",
        "/api/runs/..%2Fsecret.txt",
        "/api/runs/%2e%2e%2fsecret.txt",
        "/api/runs/mixed-oracle/..%2F..%2Fsecret.txt",
        "/api/runs/mixed-oracle/tasks/..%2F..%2F..%2Fsecret.txt",
        "/api/runs/..%2Felsewhere%2Funserved-run",
        "/api/audits/..%2F..%2Fsecret.txt",
        "/assets/../../pom.xml",
        "/assets/..%2F..%2F..%2F..%2Fpom.xml",
        "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/pom.xml",
        "/assets/..%5c..%5c..%5c..%5cpom.xml",
        "/%2e%2e/",
        "/%2e%2e/secret.txt",
        "/../secret.txt",
        "/mixed-oracle/manifest.json",
        "/api/runs/mixed-oracle/..",
        "/etc/passwd",
    })
    void aPathOutsideTheViewerIsNotFoundAndShowsNoFile(String path) throws Exception {
        Raw response = Raw.get(viewer.uri(), path, "127.0.0.1");

        assertThat(response.status()).as(path).isEqualTo(404);
        assertThat(response.body()).as(path).doesNotContain(SECRET, "root:", "<project", "\"suite\"", "\"agent\"");
    }

    @Test
    void aRunOutsideTheFoldersIsNeitherListedNorServed() throws Exception {
        assertThat(Api.json(viewer.uri(), "api/index").path("runs").findValuesAsText("id"))
                .contains("mixed-oracle").noneMatch(id -> id.contains("unserved"));
        assertThat(Api.get(viewer.uri(), "api/runs/unserved-run").statusCode()).isEqualTo(404);
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        URI uri = viewer.uri();
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        List<InetAddress> others = NetworkInterface.networkInterfaces().filter(TestViewerHttp::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).toList();
        Assumptions.assumeFalse(others.isEmpty(), "this machine has no address but loopback to try");

        for (InetAddress other : others) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other, uri.getPort()), 2000);
                }
            }).as(other.toString()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aRequestNamingAnotherHostIsRefused() throws Exception {
        Raw rebound = Raw.get(viewer.uri(), "/api/index", "attacker.example:" + viewer.uri().getPort());

        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).doesNotContain("mixed-oracle");
        assertThat(Raw.get(viewer.uri(), "/api/index", "localhost:" + viewer.uri().getPort()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "assets/app.js", "assets/app.css", "api/index", "api/runs/mixed-oracle",
        "api/runs/mixed-oracle/tasks", "api/runs/mixed-oracle/tasks/1", "api/compare/mixed-oracle/mixed-scripted",
        "no/such/page"})
    void everyResponseCarriesTheContentSecurityPolicy(String path) throws Exception {
        HttpResponse<String> response = Api.get(viewer.uri(), path);

        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).as(path).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-eval", "*");
        assertThat(scriptSources(policy)).as(path).containsExactly("'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
    }

    @Test
    void apiDocumentsAreJsonNotPages() throws Exception {
        HttpResponse<String> response = Api.get(viewer.uri(), "api/runs/mixed-oracle/tasks/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Fixtures.JSON.readTree(response.body()).path("task").asText()).isEqualTo("1");
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static List<String> scriptSources(String policy) {
        return Stream.of(policy.split(";")).map(String::trim).filter(directive -> directive.startsWith("script-src "))
                .flatMap(directive -> Stream.of(directive.substring("script-src ".length()).trim().split("\\s+"))).toList();
    }


    /** A response to a request written exactly as given. */
    record Raw(int status, Map<String, String> headers, String body) {
        static Raw get(URI base, String path, String host) throws IOException {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int end = response.indexOf("\r\n\r\n");
                String[] head = response.substring(0, end).split("\r\n");
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (int i = 1; i < head.length; i++) {
                    int colon = head[i].indexOf(':');
                    headers.put(head[i].substring(0, colon).trim(), head[i].substring(colon + 1).trim());
                }
                return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, response.substring(end + 4));
            }
        }
    }
}
