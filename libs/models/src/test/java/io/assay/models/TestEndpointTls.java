package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

class TestEndpointTls {

    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger upgrades = new AtomicInteger();

    private TlsSocketStrategy system() {
        made.incrementAndGet();
        return (socket, target, port, attachment, context) -> {
            upgrades.incrementAndGet();
            return (SSLSocket) null;
        };
    }

    @Test
    void anHttpsEndpointMakesTheSystemStrategyAtOnce() {
        EndpointTls.of(URI.create("https://api.openai.com/v1"), this::system);

        assertThat(made).hasValue(1);
    }

    @Test
    void aPlainHttpEndpointMakesNoneUntilAConnectionIsUpgraded() throws Exception {
        TlsSocketStrategy tls = EndpointTls.of(URI.create("http://127.0.0.1:8080/v1"), this::system);
        assertThat(made).hasValue(0);

        tls.upgrade(new Socket(), "127.0.0.1", 8080, null, null);
        tls.upgrade(new Socket(), "127.0.0.1", 8080, null, null);

        assertThat(made).hasValue(1);
        assertThat(upgrades).hasValue(2);
    }
}
