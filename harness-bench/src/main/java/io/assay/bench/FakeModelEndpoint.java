package io.assay.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
    private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

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
                Thread.ofVirtual().start(() -> serve(connection, latency));
            }
        }
    }

    /** Answers each request on one kept-alive connection until the client closes it. */
    private static void serve(Socket connection, long latency) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            while (true) {
                int length = contentLength(in);
                if (length < 0) {
                    return;
                }
                in.readNBytes(length);
                Thread.sleep(latency);
                out.write(HEAD);
                out.write(BODY);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the client went away
        }
    }

    /** Reads a request's head and returns its Content-Length, or -1 at the end of the stream. */
    private static int contentLength(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = 0;
        boolean any = false;
        for (int c = in.read(); c >= 0; c = in.read()) {
            any = true;
            if (c == '\n') {
                String header = line.toString().strip();
                if (header.isEmpty()) {
                    return length;
                }
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).strip());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return any ? length : -1;
    }
}
