package io.assay.core.suite;

import com.fasterxml.jackson.core.JsonGenerator;
import io.assay.kit.Problems;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Some of a loaded suite's tasks, kept in a file so that another process can run them without
 * loading the suite again: a header line (the suite's own fields and a binding the reader names),
 * then one line per task. Only plain data is kept, values that read back equal to themselves
 * ({@link DocumentReader}'s types); anything else makes {@link #writer} refuse, and the reader then
 * loads the suite itself.
 *
 * <pre>{@code
 * try (SuiteSlice.Writer slice = SuiteSlice.writer(file, "run-7 shard 1-of-4", suite)) {
 *     slice.add(task);
 * }
 * Optional<Suite> mine = SuiteSlice.read(file, "run-7 shard 1-of-4");   // empty if absent or bound to another run
 * }</pre>
 */
public final class SuiteSlice {
    private SuiteSlice() {
    }

    /** A value that would not read back equal to itself, such as a {@code Double} or an object a plugin made. */
    public static final class NotPlainData extends Exception {
        NotPlainData(Object value) {
            super("not plain data: " + value.getClass().getName());
        }
    }

    /** Writes a slice's header, then its tasks one by one. */
    public static final class Writer implements AutoCloseable {
        private final OutputStream out;
        private final JsonGenerator json;

        private Writer(Path file) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.json = JsonLines.JSON.createGenerator(out);
            json.setRootValueSeparator(null); // one value per line, the line end written here
        }

        public void add(Task task) throws IOException, NotPlainData {
            json.writeStartObject();
            json.writeStringField("id", task.id());
            json.writeStringField("prompt", task.prompt());
            field("answer", task.answer());
            field("solution", task.solution());
            field("metadata", task.metadata());
            options("reward", task.reward());
            field("user_turns", task.userTurns());
            json.writeEndObject();
            json.writeRaw('\n');
        }

        private void header(String binding, Suite suite) throws IOException, NotPlainData {
            json.writeStartObject();
            json.writeStringField("binding", binding);
            json.writeStringField("id", suite.id());
            json.writeStringField("version", suite.version());
            json.writeStringField("description", suite.description());
            json.writeStringField("measures", suite.measures());
            json.writeStringField("canary", suite.canary());
            options("environment", suite.environment());
            options("reward", suite.reward());
            json.writeStringField("directory", suite.directory() == null ? null : suite.directory().toString());
            json.writeStringField("content_hash", suite.contentHash());
            json.writeEndObject();
            json.writeRaw('\n');
        }

        private void field(String name, Object value) throws IOException, NotPlainData {
            json.writeFieldName(name);
            value(value);
        }

        private void options(String name, Options options) throws IOException, NotPlainData {
            json.writeFieldName(name);
            if (options == null) {
                json.writeNull();
                return;
            }
            json.writeStartObject();
            json.writeStringField("path", options.path());
            field("values", options.values());
            json.writeEndObject();
        }

        /** Writes {@code value} as JSON if reading it back with {@link DocumentReader} gives an equal value. */
        private void value(Object value) throws IOException, NotPlainData {
            switch (value) {
                case null -> json.writeNull();
                case String text -> json.writeString(text);
                case Boolean bool -> json.writeBoolean(bool);
                case Integer number -> json.writeNumber(number);
                case Long number when number != number.intValue() -> json.writeNumber(number);
                case BigInteger number when number.bitLength() > 63 -> json.writeNumber(number);
                // Without a point or an exponent it would read back as an integer.
                case BigDecimal number when number.scale() != 0 -> json.writeNumber(number);
                case Map<?, ?> map -> {
                    json.writeStartObject();
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (!(entry.getKey() instanceof String key)) {
                            throw new NotPlainData(entry.getKey() == null ? map : entry.getKey());
                        }
                        field(key, entry.getValue());
                    }
                    json.writeEndObject();
                }
                case List<?> list -> {
                    json.writeStartArray();
                    for (Object element : list) {
                        value(element);
                    }
                    json.writeEndArray();
                }
                default -> throw new NotPlainData(value);
            }
        }

        @Override
        public void close() throws IOException {
            try (out) {
                json.close();
            }
        }
    }

    /**
     * Starts a slice of {@code suite} in {@code file}: its header, bound to {@code binding}.
     *
     * @throws NotPlainData when the suite's own options are not plain data
     */
    public static Writer writer(Path file, String binding, Suite suite) throws IOException, NotPlainData {
        Writer writer = new Writer(file);
        try {
            writer.header(binding, suite);
            return writer;
        } catch (IOException | NotPlainData | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * The suite in {@code file} with the slice's tasks, if the file exists and is bound to {@code binding}.
     *
     * @throws IOException when the file cannot be read or is not a slice
     */
    public static Optional<Suite> read(Path file, String binding) throws IOException {
        List<Object> lines = new ArrayList<>();
        Problems problems = new Problems();
        try {
            JsonLines.read(file, problems, (value, line, row) -> lines.add(value));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        if (!problems.isEmpty()) {
            throw new IOException(problems.all().getFirst().toString());
        }
        if (lines.isEmpty() || !(lines.getFirst() instanceof Map<?, ?> header) || !binding.equals(header.get("binding"))) {
            return Optional.empty();
        }
        try {
            List<Task> tasks = new ArrayList<>(lines.size() - 1);
            for (Object line : lines.subList(1, lines.size())) {
                Map<?, ?> task = (Map<?, ?>) line;
                tasks.add(new Task((String) task.get("id"), (String) task.get("prompt"), task.get("answer"), task.get("solution"),
                        map(task.get("metadata")), options(task.get("reward")), list(task.get("user_turns"))));
            }
            String directory = (String) header.get("directory");
            return Optional.of(new Suite((String) header.get("id"), (String) header.get("version"),
                    (String) header.get("description"), (String) header.get("measures"), (String) header.get("canary"),
                    options(header.get("environment")), options(header.get("reward")), tasks,
                    directory == null ? null : Path.of(directory), (String) header.get("content_hash")));
        } catch (RuntimeException notASlice) { // a field of another type, a missing one, a path that does not parse
            throw new IOException(file + " is not a suite slice: " + notASlice.getMessage(), notASlice);
        }
    }

    private static Options options(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> options = (Map<?, ?>) value;
        return new Options((String) options.get("path"), map(options.get("values")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? null : new LinkedHashMap<>((Map<String, Object>) value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }
}
