package io.assay.tau.suite;

import io.assay.kit.Problems;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One published task in Assay's terms, whichever benchmark it comes from. The scripted user opens
 * with {@code prompt}; {@code answer} holds what grading and the simulated user need and the agent
 * never sees: the gold {@code actions}, the {@code outputs} the agent must say, the
 * {@code nl_assertions}, the {@code reward_basis}, and the {@code user_scenario} an LLM user plays.
 */
final class TauTasks {

    private TauTasks() {
    }

    static Task task(String id, String prompt, List<Map<String, Object>> actions, List<String> outputs,
                     List<String> assertions, List<String> basis, String scenario, Map<String, Object> metadata,
                     Options reward) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("actions", actions);
        answer.put("outputs", outputs);
        answer.put("nl_assertions", assertions);
        answer.put("reward_basis", basis);
        answer.put("user_scenario", scenario);
        return new Task(id, prompt, answer, null, metadata, reward);
    }

    /** A list of strings at {@code field}, or a problem and an empty list. */
    static List<String> strings(Object value, Path file, int line, String field, Problems problems) {
        if (value == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String text) {
                    strings.add(text);
                } else {
                    problems.add(file, line, field, "expected a list of strings, got " + Options.describe(element));
                }
            }
        } else {
            problems.add(file, line, field, "expected a list of strings, got " + Options.describe(value));
        }
        return strings;
    }

    /** A gold action as the toolkit replays it: {@code {name, arguments}}, plus tau2's {@code compare_args}. */
    static Map<String, Object> action(String name, Object arguments, Object compareArgs) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", name);
        action.put("arguments", arguments == null ? Map.of() : arguments);
        if (compareArgs != null) {
            action.put("compare_args", compareArgs);
        }
        return action;
    }
}
