package io.assay.core.suite;

import io.assay.kit.Problems;
import io.assay.spi.Options;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON-lines task file in one streaming pass ({@link JsonLines}): each line is validated
 * and turned into a {@link Task}, and a bad line is reported without stopping the others.
 */
final class TaskFileReader {
    private static final Set<String> FIELDS = new TreeSet<>(List.of(
            "id", "prompt", "answer", "solution", "metadata", "reward", "user_turns"));
    private static final String UNKNOWN_FIELD = "unknown field; expected one of " + FIELDS;
    private static final String MISSING = "required field is missing";

    private final Path file;
    private final Options defaultReward;
    private final boolean rewardRequired;
    private final SuiteLoader.Context context;
    private final Problems problems;
    private final Map<String, Integer> lineById = new HashMap<>();
    private final List<Task> tasks = new ArrayList<>();

    /**
     * @param defaultReward the suite's valid default reward spec, or {@code null}
     * @param rewardRequired whether every task must carry its own {@code reward}, because the
     *        suite declares no default
     */
    TaskFileReader(Path file, Options defaultReward, boolean rewardRequired, SuiteLoader.Context context,
                   Problems problems) {
        this.file = file;
        this.defaultReward = defaultReward;
        this.rewardRequired = rewardRequired;
        this.context = context;
        this.problems = problems;
    }

    /** The tasks of a file and the SHA-256 of its bytes. */
    record TaskFile(List<Task> tasks, byte[] sha256) {
    }

    /** Reads the whole file; tasks with problems are left out and their problems recorded. */
    TaskFile read() throws IOException {
        JsonLines.Result lines = JsonLines.read(file, problems, (value, line, row) -> readLine(value, line));
        if (lines.rows() == 0) {
            problems.add(file, 0, "", "no tasks; expected one JSON object per line, such as "
                    + "{\"id\": \"t1\", \"prompt\": \"What is 2 + 3?\", \"answer\": 5}");
        }
        return new TaskFile(tasks, lines.sha256());
    }

    private void readLine(Object value, int line) {
        if (!(value instanceof Map<?, ?> object)) {
            problems.add(file, line, "", "expected a JSON object with id, prompt and answer, got "
                    + Options.describe(value));
            return;
        }
        @SuppressWarnings("unchecked")
        Task task = task((Map<String, Object>) object, line);
        if (task != null) {
            tasks.add(task);
        }
    }

    /** The task on {@code line}, or {@code null} when the line has problems (all recorded). */
    private Task task(Map<String, Object> fields, int line) {
        int before = problems.size();
        for (String key : fields.keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add(file, line, key, UNKNOWN_FIELD);
            }
        }
        String id = id(fields, line);
        Object prompt = fields.get("prompt");
        if (!(prompt instanceof String)) {
            problems.add(file, line, "prompt", fields.containsKey("prompt")
                    ? "expected a string, got " + Options.describe(prompt) : MISSING);
        }
        Object answer = fields.get("answer");
        if (answer == null) {
            problems.add(file, line, "answer", fields.containsKey("answer")
                    ? "expected the ground truth, any JSON value but null" : MISSING);
        }
        if (fields.containsKey("solution") && fields.get("solution") == null) {
            problems.add(file, line, "solution",
                    "expected the oracle's reference output, any JSON value but null; leave it out to use the answer");
        }
        Object metadata = fields.getOrDefault("metadata", Map.of());
        if (!(metadata instanceof Map<?, ?>)) {
            problems.add(file, line, "metadata", "expected an object, got " + Options.describe(metadata));
        }
        Options reward = reward(fields, line);
        List<String> userTurns = userTurns(fields, line);
        if (problems.size() > before) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadataMap = (Map<String, Object>) metadata;
        Task task = new Task(id, (String) prompt, answer, fields.getOrDefault("solution", answer), metadataMap, reward,
                userTurns);
        Options check = reward != null ? reward : defaultReward;
        if (check == null) {
            return task; // No valid spec to grade the reference with; suite.yaml's problem is reported.
        }
        Object solution = problems.value(file, field -> line, () -> context.checkedSolution(task, check));
        return problems.size() > before ? null
                : new Task(id, task.prompt(), answer, solution, metadataMap, reward, userTurns);
    }

    /** What a scripted user says after the prompt, in a tool environment; a list of strings. */
    private List<String> userTurns(Map<String, Object> fields, int line) {
        Object value = fields.getOrDefault("user_turns", List.of());
        if (value instanceof List<?> turns && turns.stream().allMatch(String.class::isInstance)) {
            return turns.stream().map(String.class::cast).toList();
        }
        problems.add(file, line, "user_turns", "expected a list of strings, what the user says after each agent "
                + "message, got " + Options.describe(value));
        return List.of();
    }

    private String id(Map<String, Object> fields, int line) {
        Object value = fields.get("id");
        if (!(value instanceof String id) || id.isEmpty()) {
            problems.add(file, line, "id", fields.containsKey("id")
                    ? "expected a non-empty string, got " + Options.describe(value) : MISSING);
            return null;
        }
        Integer first = lineById.putIfAbsent(id, line);
        if (first != null) {
            problems.add(file, line, "id", "duplicate task id '" + id + "'; first used on line " + first);
        }
        return id;
    }

    private Options reward(Map<String, Object> fields, int line) {
        Object value = fields.get("reward");
        if (value == null) {
            if (rewardRequired) {
                problems.add(file, line, "reward", "required field is missing: suite.yaml sets no default"
                        + " reward, so every task needs its own, such as {\"type\": \"exact\"}");
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> spec)) {
            problems.add(file, line, "reward", "expected a reward spec object such as {\"type\": \"exact\"}, got "
                    + Options.describe(value));
            return null;
        }
        @SuppressWarnings("unchecked")
        Options reward = new Options("reward", (Map<String, Object>) spec);
        problems.validate(file, field -> line, () -> context.validateReward(reward));
        return reward;
    }
}
