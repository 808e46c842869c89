package io.assay.spi;

import java.nio.file.Path;

/**
 * One thing wrong with an input file, located precisely enough to fix without searching.
 *
 * <pre>{@code
 * new Problem(Path.of("suite/tasks.jsonl"), 12, "answer", "required field is missing");
 * // prints: suite/tasks.jsonl:12: answer: required field is missing
 * }</pre>
 *
 * @param file the file at fault
 * @param line 1-based line, or 0 when the problem is with the file as a whole
 * @param field the qualified field name, or empty
 * @param message what is wrong and what was expected
 */
public record Problem(Path file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
