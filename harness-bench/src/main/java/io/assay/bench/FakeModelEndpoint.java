package io.assay.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A fake OpenAI-compatible endpoint on loopback for the model-agent macro benchmark in
 * {@code scripts/bench-macro.sh}: every request to {@code /v1/chat/completions} gets the same
 * chat completion after a fixed latency. It is a bare keep-alive HTTP/1.1 server with a virtual
 * thread per connection, so that the benchmark measures the harness and its client, not the fake:
 * the tests' {@code FakeOpenAiServer} (JDK HttpServer) spends about a millisecond of CPU per request.
 * Writes its base URL to a file once it listens, then serves until killed.
 *
 * <pre>
 * java -cp harness-bench/target/benchmarks.jar io.assay.bench.FakeModelEndpoint 200 /tmp/url
 * </pre>
 */
public final class FakeModelEndpoint {
    private static final byte[] BODY = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\"bench\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"Adding them up.\\nANSWER: 0\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":60,\"completion_tokens\":12,\"total_tokens\":72}}").getBytes(StandardCharsets.UTF_8);
    /** Head and body in one array, written with one call: see {@link #serve}. */
    private static final byte[] RESPONSE = response();

    private FakeModelEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FakeModelEndpoint LATENCY_MS URL_FILE");
            System.exit(2);
        }
        long latency = Long.parseLong(args[0]);
        try (ServerSocket server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress())) {
            Path url = Path.of(args[1]);
            Path partial = url.resolveSibling(url.getFileName() + ".tmp");
            Files.writeString(partial, "http://127.0.0.1:" + server.getLocalPort() + "/v1");
            Files.move(partial, url);
            while (true) {
                Socket connection = server.accept();
                connection.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> serve(connection, latency));
            }
        }
    }

    /** Answers each request on one kept-alive connection until the client closes it. */
    private static void serve(Socket connection, long latency) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            Requests requests = new Requests(in);
            while (requests.next()) {
                Thread.sleep(latency);
                // One segment per response: a head and body written separately would wait, under
                // Nagle's algorithm, for the client's delayed ACK of the head (40 ms on Linux).
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the client went away
        }
    }

    private static byte[] response() {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] response = Arrays.copyOf(head, head.length + BODY.length);
        System.arraycopy(BODY, 0, response, head.length, BODY.length);
        return response;
    }

    /**
     * The requests on one connection, read in blocks into one growing buffer (not a byte at a time:
     * the fake's CPU is spent on the same cores as the harness it measures).
     */
    private static final class Requests {
        private static final String CONTENT_LENGTH = "content-length:";
        private final InputStream in;
        private byte[] buffer = new byte[16 * 1024];
        private int start;
        private int end;

        Requests(InputStream in) {
            this.in = in;
        }

        /** Consumes the next request, head and body; false at the end of the stream. */
        boolean next() throws IOException {
            int headLength;
            while ((headLength = headLength()) < 0) {
                if (!fill()) {
                    return false;
                }
            }
            int requestLength = headLength + contentLength(headLength);
            while (end - start < requestLength) {
                if (!fill()) {
                    return false;
                }
            }
            start += requestLength;
            return true;
        }

        /** The length of the head up to and including its blank line, or -1 while it is incomplete. */
        private int headLength() {
            for (int i = start; i + 3 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i + 4 - start;
                }
            }
            return -1;
        }

        private int contentLength(int headLength) {
            String head = new String(buffer, start, headLength, StandardCharsets.ISO_8859_1);
            for (int line = 0; line < head.length(); ) {
                int lineEnd = head.indexOf("\r\n", line);
                if (head.regionMatches(true, line, CONTENT_LENGTH, 0, CONTENT_LENGTH.length())) {
                    return Integer.parseInt(head.substring(line + CONTENT_LENGTH.length(), lineEnd).strip());
                }
                line = lineEnd + 2;
            }
            return 0;
        }

        /** Reads more bytes, first moving unread ones to the front or growing the buffer; false at the end. */
        private boolean fill() throws IOException {
            if (end == buffer.length) {
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                } else {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            end += read;
            return true;
        }
    }
}
