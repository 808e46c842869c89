package io.assay.core.suite;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: Jackson parses each line's UTF-8 in place
 * and the file is never held in memory whole. A line ends at {@code \n}; a trailing {@code \r}
 * is dropped.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private int scanned;
    private boolean eof;
    private int lineStart;
    private int lineEnd;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; {@code false} at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    take(i, i + 1);
                    return true;
                }
            }
            scanned = end;
            if (eof) {
                if (start == end) {
                    return false;
                }
                take(end, end);
                return true;
            }
            fill();
        }
    }

    /** The buffer holding the current line; valid until the next call to {@link #next}. */
    byte[] buffer() {
        return buffer;
    }

    int offset() {
        return lineStart;
    }

    int length() {
        return lineEnd - lineStart;
    }

    /** Whether the current line holds only spaces and tabs. */
    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private void take(int lineStop, int next) {
        lineStart = start;
        lineEnd = lineStop > start && buffer[lineStop - 1] == '\r' ? lineStop - 1 : lineStop;
        start = next;
        scanned = next;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        } else if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }
}
