package io.assay.trust.contamination;

import java.util.List;
import java.util.Objects;

/**
 * What a contamination check looks for of one task: its prompt and its reference answers (each
 * alternative, and the solution, as {@code Assay.referenceAnswers} reads them).
 *
 * <pre>{@code
 * new TaskText("add-1", "What is 2 + 3?", List.of("5"));
 * }</pre>
 */
public record TaskText(String task, String prompt, List<String> answers) {

    public TaskText {
        Objects.requireNonNull(task, "task");
        prompt = prompt == null ? "" : prompt;
        answers = List.copyOf(answers);
    }
}
