package io.assay.core.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestByteLines {

    @Test
    void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
        assertThat(lines("a\r\n\nb\n  \nc")).containsExactly("a", "", "b", "  ", "c");
        assertThat(lines("a\n")).containsExactly("a");
        assertThat(lines("")).isEmpty();
    }

    @Test
    void keepsLinesWholeAcrossReadsAndLongerThanTheBuffer() throws IOException {
        String longLine = "x".repeat(200_000);
        String text = "first\n" + longLine + "\nlast";

        assertThat(lines(text, 7)).containsExactly("first", longLine, "last");
        assertThat(lines(text, Integer.MAX_VALUE)).containsExactly("first", longLine, "last");
    }

    @Test
    void tellsBlankLinesApart() throws IOException {
        ByteLines lines = new ByteLines(new ByteArrayInputStream(" \t\nx \n".getBytes(StandardCharsets.UTF_8)));

        assertThat(lines.next()).isTrue();
        assertThat(lines.isBlank()).isTrue();
        assertThat(lines.next()).isTrue();
        assertThat(lines.isBlank()).isFalse();
        assertThat(lines.next()).isFalse();
    }

    private static List<String> lines(String text) throws IOException {
        return lines(text, Integer.MAX_VALUE);
    }

    /** Reads {@code text} at most {@code chunk} bytes per read, as a slow stream would deliver it. */
    private static List<String> lines(String text, int chunk) throws IOException {
        InputStream in = new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
        ByteLines lines = new ByteLines(in);
        List<String> result = new ArrayList<>();
        while (lines.next()) {
            result.add(new String(lines.buffer(), lines.offset(), lines.length(), StandardCharsets.UTF_8));
        }
        return result;
    }
}
