package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passes when the agent made every one of the task's gold calls, {@code answer.actions}: a call
 * of the same tool whose arguments equal the gold ones (numbers by value), on every argument, or
 * only on those an action's {@code compare_args} lists. Extra calls do not matter, and calls the
 * tool refused count too, as in tau2-bench's action reward.
 */
record ActionsCheck() implements RewardCheck {

    /** The calls are the session's, so validation and the answer-based probes leave this check out. */
    @Override
    public Grades grades() {
        return Grades.END_STATE;
    }

    @Override
    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
        List<ToolCall> made = GroundTruth.session("actions", task, environment).transcript().stream().flatMap(step -> ToolCall.from(step).stream()).toList();
        List<Map<?, ?>> gold = gold(task);
        List<String> missing = new ArrayList<>();
        for (Map<?, ?> action : gold) {
            if (made.stream().noneMatch(call -> matches(action, call))) {
                missing.add(action.get("name") + " " + StateTree.canonical(action.get("arguments")));
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("missing", missing);
        if (missing.isEmpty()) {
            return RewardResult.pass("the agent made all " + gold.size() + " gold calls").withEvidence(evidence);
        }
        return RewardResult.fail("the agent never made " + CheckText.quoteFirst(missing, 2) + " (" + missing.size()
                + " of " + gold.size() + " gold calls missing)").withEvidence(evidence);
    }

    private static boolean matches(Map<?, ?> action, ToolCall call) {
        if (!call.name().equals(action.get("name"))) {
            return false;
        }
        Map<?, ?> arguments = action.get("arguments") instanceof Map<?, ?> map ? map : Map.of();
        Iterable<?> compared = action.get("compare_args") instanceof List<?> names ? names : arguments.keySet();
        for (Object name : compared) {
            if (!StateTree.canonical(arguments.get(name)).equals(StateTree.canonical(call.arguments().get(String.valueOf(name))))) {
                return false;
            }
        }
        return true;
    }

    private static List<Map<?, ?>> gold(Task task) {
        if (!(task.answer() instanceof Map<?, ?> answer) || !(answer.get("actions") instanceof List<?> actions)) {
            throw GroundTruth.error("actions", task, "the answer must be an object with an \"actions\" list, got "
                    + Options.describe(task.answer()));
        }
        List<Map<?, ?>> gold = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            if (!(actions.get(i) instanceof Map<?, ?> action) || !(action.get("name") instanceof String)) {
                throw GroundTruth.error("actions", task, "answer.actions[" + i + "] must be {\"name\": TOOL, \"arguments\": {...}}, got "
                        + Options.describe(actions.get(i)));
            }
            gold.add(action);
        }
        return gold;
    }
}
