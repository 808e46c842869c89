package io.assay.view;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Placeholder while the viewer is built (issue 14); the lead replaces the body. */
public final class ViewServer implements AutoCloseable {

    /** Serves the runs and audit reports in {@code folders} on {@code host:port} (port 0: a free one). */
    public static ViewServer start(List<Path> folders, String host, int port) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Where the viewer is, such as {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
