package io.assay.testkit.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one connection, read in blocks into one growing buffer and handed out as lines and
 * bodies. Not a byte at a time: the fake's CPU is spent on the same cores as the client it serves,
 * and the performance benchmarks measure that client.
 */
final class HttpInput {
    private final InputStream in;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    HttpInput(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break, or {@code null} when the stream ends before it starts. */
    String line() throws IOException {
        int scanned = start;
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end;
            int before = start;
            if (!fill()) {
                if (start == end) {
                    return null;
                }
                throw new EOFException("the connection ended inside a line");
            }
            scanned -= before - start; // fill() may have moved the unread bytes to the front
        }
    }

    /** The next {@code length} bytes. */
    byte[] bytes(int length) throws IOException {
        while (end - start < length) {
            if (!fill()) {
                throw new EOFException("the connection ended " + (length - (end - start)) + " bytes before the body did");
            }
        }
        byte[] bytes = Arrays.copyOfRange(buffer, start, start + length);
        start += length;
        return bytes;
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
