package io.assay.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.assay.kit.Excerpt;
import io.assay.spi.Problem;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A suite's {@code judge-labels.jsonl}: outputs people have labelled, one JSON object a line,
 * {@code {"task_id": "q1", "output": "Paris", "label": true}} ({@code label} true when the output
 * is correct). Other fields (an annotator, a note) are allowed. A line that cannot be used is a
 * {@link Problem} naming the file and line; the rest are still read.
 */
final class LabelsFile {
    /** The file's name in the suite directory. */
    static final String NAME = "judge-labels.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LabelsFile() {
    }

    /** One labelled output. */
    record Label(int line, Task task, String output, boolean correct) {
    }

    /** The usable labels and the problems of the other lines. */
    record Contents(List<Label> labels, List<Problem> problems) {
    }

    /**
     * @param judged the tasks a judge grades, by id
     * @param all every task id of the suite, to tell a misspelt id from a task no judge grades
     */
    static Contents read(Path file, Map<String, Task> judged, Set<String> all) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Label> labels = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                labels.add(label(lines.get(i), i + 1, judged, all));
            } catch (LineException e) {
                problems.add(new Problem(file, i + 1, e.field, e.getMessage()));
            }
        }
        return new Contents(List.copyOf(labels), List.copyOf(problems));
    }

    private static Label label(String text, int line, Map<String, Task> judged, Set<String> all) throws LineException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LineException("", "not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new LineException("", "expected a JSON object {\"task_id\", \"output\", \"label\"}");
        }
        String id = text(node, "task_id");
        String output = text(node, "output");
        JsonNode label = node.get("label");
        if (label == null || !label.isBoolean()) {
            throw new LineException("label", "expected true (the output is correct) or false, got "
                    + (label == null ? "nothing" : Excerpt.of(label.toString(), 60)));
        }
        Task task = judged.get(id);
        if (task == null) {
            throw new LineException("task_id", all.contains(id) ? "task \"" + id + "\" is not graded by a judge"
                    : "no task \"" + id + "\" in the suite");
        }
        return new Label(line, task, output, label.booleanValue());
    }

    private static String text(JsonNode node, String field) throws LineException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new LineException(field, "expected a string, got " + (value == null ? "nothing" : Excerpt.of(value.toString(), 60)));
        }
        return value.asText();
    }

    /** Why one line cannot be used. */
    private static final class LineException extends Exception {
        private final String field;

        LineException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
