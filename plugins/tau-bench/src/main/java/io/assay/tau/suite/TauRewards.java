package io.assay.tau.suite;

import io.assay.spi.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task's reward as the benchmark defines it, built from Assay's checks so that each component
 * is graded and recorded on its own ({@code all} keeps every child's verdict in the trial):
 *
 * <ul>
 *   <li>{@code DB}: {@code state_match}, the end state against the gold actions replayed on the
 *       initial database (tau2's hash comparison; tau-bench's data reward).</li>
 *   <li>{@code COMMUNICATE}: {@code outputs} with tau's matching, each value found in what the
 *       agent told the user, lower-cased, with the commas of the messages removed.</li>
 *   <li>{@code ACTION}: {@code actions}, each gold call made by the agent with the same
 *       arguments ({@code compare_args} when the task names them).</li>
 *   <li>{@code NL_ASSERTION}: the {@code judge} check over the conversation, one rubric listing
 *       the assertions; with none listed upstream scores the component 1, so no judge is asked.</li>
 * </ul>
 *
 * tau-bench's reward is the data reward times the outputs reward: {@code DB}, plus
 * {@code COMMUNICATE} when the task lists outputs.
 */
final class TauRewards {
    static final List<String> BASES = List.of("DB", "COMMUNICATE", "ACTION", "NL_ASSERTION");

    private TauRewards() {
    }

    /** The reward of a task graded on {@code basis} (names from {@link #BASES}). */
    static Options of(List<String> basis, List<String> assertions) {
        List<Object> checks = new ArrayList<>();
        for (String component : basis) {
            switch (component) {
                case "DB" -> checks.add(Map.of("type", "state_match"));
                case "COMMUNICATE" -> checks.add(Map.of("type", "outputs", "match", "tau"));
                case "ACTION" -> checks.add(Map.of("type", "actions"));
                case "NL_ASSERTION" -> {
                    if (!assertions.isEmpty()) {
                        checks.add(Map.of("type", "judge", "over", "conversation", "rubric", rubric(assertions)));
                    }
                }
                default -> throw new IllegalArgumentException("unknown reward basis " + component);
            }
        }
        return Options.of(Map.of("type", "all", "checks", checks));
    }

    private static String rubric(List<String> assertions) {
        StringBuilder rubric = new StringBuilder("The conversation is correct only if every one of these assertions"
                + " about the agent's behaviour holds:");
        for (String assertion : assertions) {
            rubric.append("\n- ").append(assertion);
        }
        return rubric.toString();
    }
}
