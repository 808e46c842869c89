package io.assay.docker;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Collects every problem of a Harbor suite or task, so users fix them all in a single pass. */
final class HarborProblems {
    private final List<Problem> problems = new ArrayList<>();

    void add(Path file, int line, String field, String message) {
        problems.add(new Problem(file, line, field, message));
    }

    void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    /**
     * Reads one field; an {@link InvalidOptionException} becomes a problem on the line its field
     * is on, and the result is then {@code null}.
     */
    <T> T value(Path file, ToIntFunction<String> lineOf, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidOptionException e) {
            add(file, lineOf.applyAsInt(e.field()), e.field(), e.expected());
            return null;
        }
    }

    /** The UTF-8 text of {@code file}; when it cannot be read, records why and returns {@code null}. */
    String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            add(file, 0, "", "not valid UTF-8 text");
        } catch (IOException e) {
            add(file, 0, "", "cannot be read: " + e);
        }
        return null;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem, in the order found. */
    List<Problem> all() {
        return List.copyOf(problems);
    }
}
