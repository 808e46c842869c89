package io.assay.docker;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Docker socket that hangs: for tests of what Assay does when an engine never answers. */
public final class SilentSocket {

    private SilentSocket() {
    }

    /** Accepts every connection on {@code server} and never answers; returns the connections accepted so far. */
    public static List<SocketChannel> acceptForever(ServerSocketChannel server) {
        List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    accepted.add(server.accept());
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
        return accepted;
    }
}
