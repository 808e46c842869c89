package io.assay.spi;

import java.util.List;

/**
 * A suite failed validation. Carries every problem found, so users fix them all in one pass.
 *
 * <pre>{@code
 * if (!problems.isEmpty()) throw new InvalidSuiteException(problems);
 * }</pre>
 */
public class InvalidSuiteException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidSuiteException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid suite" : problems.getFirst().toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
