package io.assay.models;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The TLS strategy of an endpoint's connection pool. The system default (the JDK's trust store,
 * read and parsed, about 80 ms of a cold command's start-up) is made at once for an {@code https}
 * endpoint, as Apache's pool builder would, so a broken trust store still fails where it did; for
 * any other endpoint it is made only if a connection is ever upgraded, which a plain-HTTP endpoint
 * never does.
 *
 * <pre>{@code
 * builder.setTlsSocketStrategy(EndpointTls.of(uri, DefaultClientTlsStrategy::createSystemDefault));
 * }</pre>
 */
final class EndpointTls implements TlsSocketStrategy {

    private final Supplier<? extends TlsSocketStrategy> system;
    private volatile TlsSocketStrategy made;

    private EndpointTls(Supplier<? extends TlsSocketStrategy> system) {
        this.system = system;
    }

    static TlsSocketStrategy of(URI endpoint, Supplier<? extends TlsSocketStrategy> system) {
        return "https".equalsIgnoreCase(endpoint.getScheme()) ? system.get() : new EndpointTls(system);
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        TlsSocketStrategy strategy = made;
        if (strategy == null) {
            synchronized (this) {
                if (made == null) {
                    made = system.get();
                }
                strategy = made;
            }
        }
        return strategy.upgrade(socket, target, port, attachment, context);
    }
}
