package io.assay.tools;

import io.assay.spi.EnvironmentException;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task's gold actions, {@code answer.actions}: the tool calls that solve it, in order, and its
 * {@code answer.outputs}, what the agent must tell the user. A malformed answer is the suite's bug,
 * so it fails the trial as a harness error naming the task and the field.
 */
record GoldActions(List<GoldAction> actions, List<String> outputs) {

    static GoldActions of(Task task) {
        if (!(task.answer() instanceof Map<?, ?> answer) || !(answer.get("actions") instanceof List<?> actions)) {
            throw invalid(task, "answer", "expected an object with an \"actions\" list of tool calls, got "
                    + Options.describe(task.answer()));
        }
        List<GoldAction> calls = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            String field = "answer.actions[" + i + "]";
            if (!(actions.get(i) instanceof Map<?, ?> action) || !(action.get("name") instanceof String name)) {
                throw invalid(task, field, "expected {\"name\": TOOL, \"arguments\": {...}}, got "
                        + Options.describe(actions.get(i)));
            }
            Object arguments = action.containsKey("arguments") ? action.get("arguments") : Map.of();
            if (!(arguments instanceof Map<?, ?> map)) {
                throw invalid(task, field + ".arguments", "expected an object, got " + Options.describe(arguments));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            calls.add(new GoldAction(name, typed));
        }
        Object outputs = answer.containsKey("outputs") ? answer.get("outputs") : List.of();
        if (!(outputs instanceof List<?> values)) {
            throw invalid(task, "answer.outputs", "expected a list of strings, got " + Options.describe(outputs));
        }
        return new GoldActions(List.copyOf(calls), values.stream().map(String::valueOf).toList());
    }

    private static EnvironmentException invalid(Task task, String field, String expected) {
        return new EnvironmentException("task '" + task.id() + "', " + field + ": " + expected);
    }
}
