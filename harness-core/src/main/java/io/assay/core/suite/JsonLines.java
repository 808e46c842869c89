package io.assay.core.suite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.assay.core.json.ReadLimits;
import io.assay.kit.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Reads a JSON-lines file in one streaming pass, for both the task file and a dataset: each
 * non-blank line is parsed once and handed on with its line number, a line that is not valid JSON
 * is reported at its line without stopping the others, and the file's bytes are hashed on the way.
 */
final class JsonLines {
    static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(ReadLimits.CONSTRAINTS).build();
    /** Marks a line whose problem is recorded; {@code null} is a valid JSON value. */
    private static final Object NOT_JSON = new Object();

    /** What to do with each line's value. */
    interface Consumer {
        /**
         * @param line the 1-based file line
         * @param row the 1-based position among non-blank lines, counting those that are not valid JSON
         */
        void accept(Object value, int line, int row);
    }

    /** The SHA-256 of the file's bytes and how many non-blank lines it has. */
    record Result(byte[] sha256, int rows) {
    }

    private JsonLines() {
    }

    static Result read(Path file, Problems problems, Consumer consumer) throws IOException {
        MessageDigest digest = sha256();
        int line = 0;
        int rows = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            ByteLines lines = new ByteLines(in);
            while (lines.next()) {
                line++;
                if (!lines.isBlank()) {
                    rows++;
                    Object value = parse(file, lines, line, problems);
                    if (value != NOT_JSON) {
                        consumer.accept(value, line, rows);
                    }
                }
            }
        }
        return new Result(digest.digest(), rows);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static Object parse(Path file, ByteLines lines, int line, Problems problems) throws IOException {
        try (JsonParser parser = JSON.createParser(lines.buffer(), lines.offset(), lines.length())) {
            return DocumentReader.readValue(parser);
        } catch (StreamConstraintsException e) {
            problems.add(file, line, "", ReadLimits.describe(e));
        } catch (JsonProcessingException e) {
            SyntaxError error = SyntaxError.of(e, line);
            problems.add(file, line, "", "invalid JSON at column " + error.column() + ": " + error.message());
        }
        return NOT_JSON;
    }
}
