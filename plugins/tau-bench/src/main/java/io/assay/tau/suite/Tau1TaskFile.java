package io.assay.tau.suite;

import io.assay.kit.Problems;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * tau-bench's {@code tasks_test.py}, read as data: {@code Task(user_id=..., instruction=...,
 * actions=[Action(name=..., kwargs={...})], outputs=[...])}. A task's id is its 0-based position in
 * the published list, as tau-bench's {@code --task-ids} count them.
 */
final class Tau1TaskFile {
    /** tau-bench's pseudo-action for a message to the user; it changes no data, so replay skips it. */
    private static final String RESPOND = "respond";

    private Tau1TaskFile() {
    }

    static List<Task> read(Path file, Problems problems) throws IOException {
        List<PythonLiterals.Call> calls = PythonLiterals.assignedList(Files.readString(file), file);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            PythonLiterals.Call call = calls.get(i);
            if (!call.function().equals("Task")) {
                problems.add(file, call.line(), "", "expected Task(...), got " + call.function() + "(...)");
                continue;
            }
            tasks.add(task(String.valueOf(i), call, file, problems));
        }
        return tasks;
    }

    private static Task task(String id, PythonLiterals.Call call, Path file, Problems problems) {
        Map<String, Object> fields = call.arguments();
        String instruction = fields.get("instruction") instanceof String text ? text : "";
        if (instruction.isBlank()) {
            problems.add(file, call.line(), "instruction", "task " + id + ": expected the user's instruction, a string");
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        if (fields.get("actions") instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof PythonLiterals.Call action && action.function().equals("Action")
                        && action.arguments().get("name") instanceof String name) {
                    if (!name.equals(RESPOND)) {
                        actions.add(TauTasks.action(name, action.arguments().get("kwargs"), null));
                    }
                } else {
                    problems.add(file, call.line(), "actions", "task " + id
                            + ": expected Action(name=..., kwargs={...}), got " + Options.describe(element));
                }
            }
        } else {
            problems.add(file, call.line(), "actions", "task " + id + ": expected a list of Action(...)");
        }
        List<String> outputs = TauTasks.strings(fields.get("outputs"), file, call.line(), "outputs", problems);
        Map<String, Object> metadata = fields.get("annotator") instanceof String annotator
                ? Map.of("annotator", annotator) : Map.of();
        List<String> basis = outputs.isEmpty() ? List.of("DB") : List.of("DB", "COMMUNICATE");
        return TauTasks.task(id, instruction, actions, outputs, List.of(), basis, instruction, metadata,
                TauRewards.of(basis, List.of()));
    }
}
