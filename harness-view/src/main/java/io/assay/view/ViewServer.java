package io.assay.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.assay.launcher.InputException;
import io.assay.view.data.Catalog;
import io.assay.view.data.Documents;
import io.assay.view.page.Assets;
import io.assay.view.page.Shell;
import io.assay.view.page.UriComponent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code assay view}: the viewer's pages and their JSON documents over HTTP, from the JDK's own
 * server. It serves the page, its three assets and the API, and nothing else: documents are found
 * by run and audit id in the {@link Catalog}, never by a path taken from the request, so no request
 * can reach a file outside the folders given. It refuses requests addressed to a name that is not
 * this machine's, so a web page elsewhere cannot read runs through DNS rebinding.
 *
 * <pre>{@code
 * try (ViewServer viewer = ViewServer.start(List.of(Path.of("runs")), "127.0.0.1", 0)) {
 *     System.out.println("open " + viewer.uri());
 *     Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class ViewServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Documents documents;
    private final Catalog catalog;
    private final Set<String> hostNames;

    private ViewServer(HttpServer server, ExecutorService executor, Catalog catalog, Set<String> hostNames) {
        this.server = server;
        this.executor = executor;
        this.catalog = catalog;
        this.documents = new Documents(catalog);
        this.hostNames = hostNames;
    }

    /**
     * Serves the runs and audit reports in {@code folders} on {@code host:port}.
     *
     * @param port 0 for a free port
     * @throws InputException when a folder does not exist, or the host or port is not one to listen on
     */
    public static ViewServer start(List<Path> folders, String host, int port) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new InputException("--port " + port + ": expected a port from 1 to 65535, or 0 for a free one");
        }
        Catalog catalog = new Catalog(folders);
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InputException("--host " + host + ": no such address", "give an address of this machine, such as 127.0.0.1");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (java.net.BindException e) {
            throw new InputException("cannot listen on " + host + ":" + port + ": " + e.getMessage(),
                    "choose another --port, or leave it out for a free one");
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "assay-view");
            thread.setDaemon(true);
            return thread;
        });
        ViewServer viewer = new ViewServer(server, executor, catalog, hostNames(host, address));
        server.createContext("/", viewer::handle);
        server.setExecutor(executor);
        server.start();
        return viewer;
    }

    /** Where the viewer is, such as {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** How many runs and audit reports the folders hold now. */
    public String contents() {
        catalog.scan();
        return catalog.runs().size() + (catalog.runs().size() == 1 ? " run" : " runs") + ", "
                + catalog.audits().size() + (catalog.audits().size() == 1 ? " audit report" : " audit reports");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!hostNames.contains(hostName(exchange))) {
                send(exchange, 403, "text/plain; charset=utf-8",
                        ("this viewer answers only to " + String.join(", ", hostNames) + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<List<String>> path = segments(exchange.getRequestURI().getRawPath());
            if (path.isEmpty()) {
                notFound(exchange);
            } else if (path.get().isEmpty()) {
                send(exchange, 200, "text/html; charset=utf-8", Shell.served().getBytes(StandardCharsets.UTF_8));
            } else if (path.get().size() == 2 && path.get().get(0).equals("assets")) {
                String name = path.get().get(1);
                Optional<byte[]> asset = Assets.asset(name);
                if (asset.isPresent()) {
                    send(exchange, 200, Assets.contentType(name), asset.get());
                } else {
                    notFound(exchange);
                }
            } else {
                Optional<byte[]> document = documents.get(path.get());
                if (document.isPresent()) {
                    send(exchange, 200, "application/json; charset=utf-8", document.get());
                } else {
                    notFound(exchange);
                }
            }
        } catch (InputException | UncheckedIOException e) {
            send(exchange, 500, "text/plain; charset=utf-8", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // a bug: still one line to the page, not a dropped connection
            send(exchange, 500, "text/plain; charset=utf-8", ("the viewer failed: " + e + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The path's segments, decoded; empty for a malformed one or one with a dot segment. */
    private static Optional<List<String>> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            Optional<String> segment = UriComponent.decode(raw);
            if (segment.isEmpty() || segment.get().equals(".") || segment.get().equals("..")) {
                return Optional.empty();
            }
            segments.add(segment.get());
        }
        return Optional.of(segments);
    }

    /** The name a request was addressed to, from its {@code Host} header, without the port; empty without one. */
    private static String hostName(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
    }

    /**
     * The names requests may be addressed to: the loopback names, the address listened on, and, on
     * every address ({@code 0.0.0.0}), this machine's own names and addresses. Any other name means
     * a page elsewhere had its name resolved to this machine (DNS rebinding) and is refused.
     */
    private static Set<String> hostNames(String host, InetAddress address) throws IOException {
        Set<String> names = new TreeSet<>(Set.of("127.0.0.1", "localhost", "[::1]"));
        names.add(host.toLowerCase(Locale.ROOT));
        names.add(literal(address));
        if (address.isAnyLocalAddress()) {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
            names.add(InetAddress.getLocalHost().getCanonicalHostName().toLowerCase(Locale.ROOT));
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress local : Collections.list(network.getInetAddresses())) {
                    names.add(literal(local));
                }
            }
        }
        return names;
    }

    /** An address as a Host header writes it: IPv6 in brackets, without a zone. */
    private static String literal(InetAddress address) {
        String text = address.getHostAddress().replaceFirst("%.*$", "");
        return address instanceof Inet6Address ? "[" + text.toLowerCase(Locale.ROOT) + "]" : text;
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Content-Security-Policy", Shell.SERVED_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
