package io.assay.trust.contamination;

import io.assay.launcher.InputException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams one corpus file (plain text, or gzip when it ends in {@code .gz}) once, char by char,
 * through a window of the last n tokens that slides across lines, and marks every n-gram of the
 * suite it meets. Memory does not grow with the file: a fixed read buffer, the window, and the
 * last {@value #RECENT} chars for excerpts; a line or token of any length is never held whole.
 */
final class CorpusScan {
    private static final int BUFFER = 1 << 16;
    /** Chars kept for excerpts (a power of two). */
    private static final int RECENT = 1024;
    private static final int EXCERPT = 300;

    private final String name;
    private final NgramIndex index;
    private final Matches matches;
    private final int n;
    private final long[] windowHashes;
    private final long[] windowLines;
    private final long[] windowStarts;
    private final char[] recent = new char[RECENT];
    private final TextTokens.Hasher hasher = new TextTokens.Hasher();
    private long hash;
    private long tokens;
    private long line = 1;
    private long offset;
    private boolean inToken;
    private long tokenStart;
    private long tokenLine;
    private char pendingHigh;
    private char last;

    private CorpusScan(String name, NgramIndex index, Matches matches) {
        this.name = name;
        this.index = index;
        this.matches = matches;
        this.n = index.n();
        windowHashes = new long[n];
        windowLines = new long[n];
        windowStarts = new long[n];
    }

    /**
     * Scans {@code file} into {@code matches}, telling {@code progress} the bytes read from disk after each buffer.
     *
     * @throws InputException when the file is missing, unreadable, or not gzip though named {@code .gz}
     */
    static CorpusFile scan(Path file, NgramIndex index, Matches matches, LongConsumer progress) {
        requireReadable(file);
        CorpusScan scan = new CorpusScan(file.toString(), index, matches);
        try (CountingStream raw = new CountingStream(Files.newInputStream(file));
             Reader reader = new InputStreamReader(file.toString().endsWith(".gz")
                     ? new GZIPInputStream(raw, BUFFER) : raw, StandardCharsets.UTF_8)) {
            char[] buffer = new char[BUFFER];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    scan.accept(buffer[i]);
                }
                progress.accept(raw.count);
            }
            scan.endToken(scan.offset);
            long lines = scan.line - 1 + (scan.offset > 0 && scan.last != '\n' ? 1 : 0);
            return new CorpusFile(file.toString(), raw.count, lines, scan.tokens);
        } catch (ZipException | EOFException e) {
            throw new InputException("corpus file " + file + " is not a complete gzip file: " + e.getMessage(),
                    "only files ending in .gz are read as gzip");
        } catch (IOException e) {
            throw new InputException("corpus file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Throws an {@link InputException} naming {@code file} when it is missing, a directory or unreadable. */
    static void requireReadable(Path file) {
        String problem = !Files.exists(file) ? "does not exist" : Files.isDirectory(file) ? "is a directory"
                : !Files.isReadable(file) ? "cannot be read" : null;
        if (problem != null) {
            throw new InputException("corpus file " + file + " " + problem, "give readable text files, or gzip files ending in .gz");
        }
    }

    private void accept(char c) {
        recent[(int) (offset & (RECENT - 1))] = c;
        last = c;
        long at = offset++;
        int codePoint = c;
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
            return;
        }
        if (Character.isLowSurrogate(c) && pendingHigh != 0) {
            codePoint = Character.toCodePoint(pendingHigh, c);
            at--;
        }
        pendingHigh = 0;
        if (TextTokens.inToken(codePoint)) {
            if (!inToken) {
                inToken = true;
                tokenStart = at;
                tokenLine = line;
            }
            hasher.add(TextTokens.normalise(codePoint));
            return;
        }
        endToken(at);
        if (c == '\n') {
            line++;
        }
    }

    /** Ends the token being read, if any, whose text ends before char {@code end}. */
    private void endToken(long end) {
        if (!inToken) {
            return;
        }
        inToken = false;
        long token = hasher.finish();
        int slot = (int) (tokens % n);
        hash = index.roll(hash, tokens >= n ? windowHashes[slot] : 0, token);
        windowHashes[slot] = token;
        windowLines[slot] = tokenLine;
        windowStarts[slot] = tokenStart;
        tokens++;
        if (tokens >= n) {
            for (int o = index.first(hash); o >= 0; o = index.next(o)) {
                if (sameTokens(index.segments().get(index.segment(o)).tokens(), index.position(o))) {
                    matches.hit(index.segment(o), index.position(o), () -> location(end));
                }
            }
        }
    }

    /** Whether the window holds these tokens: a hash collision is never reported as a match. */
    private boolean sameTokens(long[] segment, int position) {
        for (int k = 0; k < n; k++) {
            if (segment[position + k] != windowHashes[(int) ((tokens - n + k) % n)]) {
                return false;
            }
        }
        return true;
    }

    /** Where the window starts, with its text as far as the recent chars still hold it. */
    private CorpusMatch location(long end) {
        int first = (int) ((tokens - n) % n);
        long start = Math.max(windowStarts[first], end - RECENT + 1);
        StringBuilder text = new StringBuilder();
        for (long i = start; i < end && text.length() < EXCERPT; i++) {
            text.append(recent[(int) (i & (RECENT - 1))]);
        }
        String excerpt = text.toString().replaceAll("\\s+", " ").strip();
        return new CorpusMatch(name, windowLines[first], start > windowStarts[first] ? "..." + excerpt : excerpt);
    }

    /** Counts the bytes read from disk, before any decompression. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long bytes) throws IOException {
            long skipped = super.skip(bytes);
            count += skipped;
            return skipped;
        }
    }
}
