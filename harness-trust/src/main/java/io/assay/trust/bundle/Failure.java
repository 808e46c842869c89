package io.assay.trust.bundle;

/**
 * One thing {@code assay verify} found not to hold, printed as {@code FILE:LINE: field: expectation},
 * or {@code FILE: field: expectation} when no line applies.
 *
 * <pre>{@code
 * new Failure("trials.jsonl", 17, "task", "(add-3, epoch 0) once; also on line 4").toString();
 * // trials.jsonl:17: task: (add-3, epoch 0) once; also on line 4
 * }</pre>
 *
 * @param file the file, as named in the bundle ({@code trials.jsonl} for {@code run/trials.jsonl}) or on disk
 * @param line its line, from 1, or {@code 0} for none
 * @param field what in it
 * @param expectation what should hold, and what was found instead
 */
public record Failure(String file, int line, String field, String expectation) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + field + ": " + expectation;
    }
}
