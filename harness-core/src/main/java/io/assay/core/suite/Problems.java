package io.assay.core.suite;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Collects every problem of one suite load, so users fix them all in a single pass. */
final class Problems {
    static final String MISSING = "required field is missing";

    private final List<Problem> problems = new ArrayList<>();

    void add(Path file, int line, String field, String message) {
        problems.add(new Problem(file, line, field, message));
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

    /** Runs one validation, recording its {@link InvalidOptionException} like {@link #value}. */
    void validate(Path file, ToIntFunction<String> lineOf, Runnable validation) {
        value(file, lineOf, () -> {
            validation.run();
            return null;
        });
    }

    int size() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem, file by file in the order the files were read, each file's in line order. */
    List<Problem> all() {
        List<Path> files = problems.stream().map(Problem::file).distinct().toList();
        return problems.stream()
                .sorted(Comparator.comparingInt((Problem problem) -> files.indexOf(problem.file()))
                        .thenComparingInt(Problem::line))
                .toList();
    }
}
