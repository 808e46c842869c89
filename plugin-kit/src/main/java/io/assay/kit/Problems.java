package io.assay.kit;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Collects every problem of one suite load, so users fix them all in a single pass. Reading a
 * field through {@link #value} turns the SPI's {@link InvalidOptionException} into a problem on
 * the line the field is on.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * LocatedDocument document = ...; // suite.yaml, read with its lines
 * Options fields = Options.of(map);
 * String id = problems.value(file, document::lineOf, () -> fields.string("id"));
 * Integer epochs = problems.value(file, document::lineOf, () -> fields.integer("epochs", 1));
 * if (!problems.isEmpty()) {
 *     throw new InvalidSuiteException(problems.byLine()); // suite.yaml:3: epochs: expected an integer, got ...
 * }
 * }</pre>
 */
public final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    /** Records a problem; {@code line} 0 and {@code field} empty for the file as a whole. */
    public void add(Path file, int line, String field, String message) {
        problems.add(new Problem(file, line, field, message));
    }

    /** Records problems found elsewhere, such as those of an {@link InvalidSuiteException}. */
    public void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    /**
     * Reads one field; an {@link InvalidOptionException} becomes a problem on the line its field
     * is on, and the result is then {@code null}.
     */
    public <T> T value(Path file, ToIntFunction<String> lineOf, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidOptionException e) {
            add(file, lineOf.applyAsInt(e.field()), e.field(), e.expected());
            return null;
        }
    }

    /** Runs one validation, recording its {@link InvalidOptionException} like {@link #value}. */
    public void validate(Path file, ToIntFunction<String> lineOf, Runnable validation) {
        value(file, lineOf, () -> {
            validation.run();
            return null;
        });
    }

    /** The UTF-8 text of {@code file}; when it cannot be read, records why and returns {@code null}. */
    public String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            add(file, 0, "", "not valid UTF-8 text");
        } catch (IOException e) {
            add(file, 0, "", "cannot be read: " + e);
        }
        return null;
    }

    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem, in the order found. */
    public List<Problem> all() {
        return List.copyOf(problems);
    }

    /**
     * Every problem, file by file in the order the files were first named, each file's in line
     * order: for a reader that checks fields in its own order rather than the file's.
     */
    public List<Problem> byLine() {
        List<Path> files = problems.stream().map(Problem::file).distinct().toList();
        return problems.stream()
                .sorted(Comparator.comparingInt((Problem problem) -> files.indexOf(problem.file()))
                        .thenComparingInt(Problem::line))
                .toList();
    }
}
