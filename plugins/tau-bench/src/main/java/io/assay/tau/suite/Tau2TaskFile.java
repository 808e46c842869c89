package io.assay.tau.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.assay.kit.Problems;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Problem;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * tau2-bench's {@code tasks.json}: a list of tasks, each with a {@code user_scenario} and
 * {@code evaluation_criteria} (gold {@code actions}, {@code communicate_info},
 * {@code nl_assertions}, {@code reward_basis}); and {@code split_tasks.json}, the task ids of
 * each split. Parts of the format Assay does not run (an {@code initial_state}, actions the user
 * takes) are errors naming the task, never silently dropped.
 */
final class Tau2TaskFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Map<String, Object>> tasks;
    /** The line each task starts on, so a problem names it. */
    private final List<Integer> lines;
    private final Path file;

    private Tau2TaskFile(List<Map<String, Object>> tasks, List<Integer> lines, Path file) {
        this.tasks = tasks;
        this.lines = lines;
        this.file = file;
    }

    static Tau2TaskFile read(Path file) throws IOException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidSuiteException(List.of(new Problem(file, parser.currentTokenLocation().getLineNr(), "",
                        "expected a JSON list of tau2-bench tasks")));
            }
            List<Map<String, Object>> tasks = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new InvalidSuiteException(List.of(new Problem(file, line, "[" + tasks.size() + "]",
                            "expected a task object")));
                }
                tasks.add(parser.readValueAs(new TypeReference<Map<String, Object>>() { }));
                lines.add(line);
            }
            return new Tau2TaskFile(tasks, lines, file);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidSuiteException(List.of(new Problem(file, line, "",
                    "expected a JSON list of tau2-bench tasks: " + e.getOriginalMessage())));
        }
    }

    /** The domain the tasks' scenarios name ({@code instructions.domain}), else the folder's name. */
    String domain() {
        for (Map<String, Object> task : tasks) {
            if (path(task, "user_scenario", "instructions") instanceof Map<?, ?> instructions
                    && instructions.get("domain") instanceof String domain) {
                return domain;
            }
        }
        return String.valueOf(file.toAbsolutePath().getParent().getFileName());
    }

    /** The tasks of {@code split} (all of them when absent), in the file's order. */
    List<Task> tasks(Optional<String> split, Problems problems) throws IOException {
        Set<String> selected = split.isPresent() ? splitIds(split.get()) : null;
        List<Task> result = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            Map<String, Object> task = tasks.get(i);
            int line = lines.get(i);
            String at = "[" + i + "]";
            if (!(task.get("id") instanceof String id)) {
                problems.add(file, line, at + ".id", "expected a string, got " + Options.describe(task.get("id")));
                continue;
            }
            if (!ids.add(id)) {
                problems.add(file, line, at + ".id", "task id '" + id + "' is used twice");
            }
            if (selected == null || selected.contains(id)) {
                result.add(task(task, line, at, id, problems));
            }
        }
        return result;
    }

    private Task task(Map<String, Object> task, int line, String at, String id, Problems problems) {
        if (task.get("initial_state") != null) {
            problems.add(file, line, at + ".initial_state", "task '" + id + "' starts from a changed state;"
                    + " Assay runs tasks that start from the domain's database (initial_state: null)");
        }
        Map<?, ?> criteria = task.get("evaluation_criteria") instanceof Map<?, ?> map ? map : Map.of();
        String field = at + ".evaluation_criteria";
        List<Map<String, Object>> actions = new ArrayList<>();
        if (criteria.get("actions") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> action) || !(action.get("name") instanceof String name)) {
                    problems.add(file, line, field + ".actions[" + i + "]", "expected {name, arguments}");
                    continue;
                }
                Object requestor = action.get("requestor");
                if (requestor != null && !"assistant".equals(requestor)) {
                    problems.add(file, line, field + ".actions[" + i + "].requestor", "task '" + id + "': an action"
                            + " the " + requestor + " takes; Assay's simulated users call no tools");
                }
                actions.add(TauTasks.action(name, action.get("arguments"), action.get("compare_args")));
            }
        }
        List<String> outputs = TauTasks.strings(criteria.get("communicate_info"), file, line, field + ".communicate_info", problems);
        List<String> assertions = TauTasks.strings(criteria.get("nl_assertions"), file, line, field + ".nl_assertions", problems);
        List<String> basis = TauTasks.strings(criteria.get("reward_basis"), file, line, field + ".reward_basis", problems);
        for (String component : basis) {
            if (!TauRewards.BASES.contains(component)) {
                problems.add(file, line, field + ".reward_basis", "task '" + id + "': reward basis '" + component
                        + "' is not one Assay grades; expected some of " + TauRewards.BASES);
            }
        }
        basis = basis.stream().filter(TauRewards.BASES::contains).toList();
        Map<?, ?> scenario = task.get("user_scenario") instanceof Map<?, ?> map ? map : Map.of();
        Object instructions = scenario.get("instructions");
        String reason = instructions instanceof Map<?, ?> parts && parts.get("reason_for_call") instanceof String text ? text
                : instructions instanceof String text ? text : null;
        if (reason == null || reason.isBlank()) {
            problems.add(file, line, at + ".user_scenario.instructions", "task '" + id + "': expected the user's"
                    + " reason_for_call (or instructions as text), which the user opens the conversation with");
            reason = "";
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("reward_basis", String.join("+", basis));
        return TauTasks.task(id, reason.strip(), actions, outputs, assertions, basis, scenario(scenario), metadata,
                TauRewards.of(basis, assertions));
    }

    /** The scenario as the simulated user reads it: persona, then each instruction under its name. */
    private static String scenario(Map<?, ?> scenario) {
        StringBuilder text = new StringBuilder();
        if (scenario.get("persona") instanceof String persona) {
            text.append("Persona:\n").append(persona.strip()).append("\n\n");
        }
        Object instructions = scenario.get("instructions");
        if (instructions instanceof Map<?, ?> parts) {
            text.append("Instructions:\n");
            for (String key : List.of("reason_for_call", "known_info", "unknown_info", "task_instructions")) {
                if (parts.get(key) instanceof String value && !value.isBlank()) {
                    text.append(key.replace('_', ' ')).append(":\n").append(value.strip()).append("\n\n");
                }
            }
        } else if (instructions != null) {
            text.append("Instructions:\n").append(instructions);
        }
        return text.toString().strip();
    }

    private Set<String> splitIds(String split) throws IOException {
        Path splits = file.resolveSibling("split_tasks.json");
        if (!Files.isRegularFile(splits)) {
            throw TauFolder.invalid(splits, "file not found; --split " + split + " needs tau2-bench's split_tasks.json");
        }
        Map<String, List<String>> named;
        try {
            named = JSON.readValue(splits.toFile(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw TauFolder.invalid(splits, "expected an object of split names to lists of task ids: " + e.getOriginalMessage());
        }
        if (!named.containsKey(split)) {
            throw TauFolder.invalid(splits, "no split '" + split + "'; expected one of " + named.keySet());
        }
        return new LinkedHashSet<>(named.get(split));
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object value = root;
        for (String key : keys) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value;
    }
}
