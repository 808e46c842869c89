package io.assay.testkit.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One kept-alive HTTP/1.1 client connection of a {@link FakeModelServer}: reads requests (bodies
 * with a {@code Content-Length} or chunked) and writes each response with one call. The JDK's
 * {@code HttpServer} is not used because it spends about three times the CPU per request and gives
 * up under the 500 concurrent connections of the model-agent benchmark.
 */
final class HttpConnection implements AutoCloseable {
    private final Socket socket;
    private final HttpInput input;
    private final OutputStream output;

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        // Each response is one write; without this, any response split by the socket would wait
        // for the client's delayed ACK (40 ms on Linux) under Nagle's algorithm.
        socket.setTcpNoDelay(true);
        this.input = new HttpInput(socket.getInputStream());
        this.output = socket.getOutputStream();
    }

    /** The next request, or {@code null} when the client closed the connection. */
    RecordedRequest next() throws IOException {
        String requestLine = input.line();
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = input.line(); // blank lines before a request are allowed
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Map<String, List<String>> headers = headers();
        byte[] body = body(headers);
        int query = parts[1].indexOf('?');
        String path = query < 0 ? parts[1] : parts[1].substring(0, query);
        return new RecordedRequest(parts[0], path, headers, new String(body, StandardCharsets.UTF_8));
    }

    private Map<String, List<String>> headers() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = input.line(); line != null && !line.isEmpty(); line = input.line()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("not an HTTP header: " + line);
            }
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), List.of(line.substring(colon + 1).strip()),
                    (earlier, later) -> Stream.concat(earlier.stream(), later.stream()).toList());
        }
        return headers;
    }

    private byte[] body(Map<String, List<String>> headers) throws IOException {
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"))) {
            return chunkedBody();
        }
        List<String> length = headers.getOrDefault("content-length", List.of());
        return length.isEmpty() ? new byte[0] : input.bytes(Integer.parseInt(length.getFirst()));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = input.line();
            if (sizeLine == null) {
                throw new IOException("the connection ended inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
            if (size == 0) {
                for (String trailer = input.line(); trailer != null && !trailer.isEmpty(); trailer = input.line()) {
                    // trailers carry nothing the fake needs
                }
                return body.toByteArray();
            }
            body.write(input.bytes(size));
            input.line(); // the line break after the chunk
        }
    }

    /** Writes a response, head and body in one call. */
    void respond(int status, Map<String, String> headers, String body, boolean close) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " ").append("\r\n");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("connection")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("Content-Length: ").append(bytes.length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        System.arraycopy(bytes, 0, response, headBytes.length, bytes.length);
        output.write(response);
        output.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
