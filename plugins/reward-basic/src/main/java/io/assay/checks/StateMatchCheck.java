package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passes when a tool environment's end state equals the state the task's gold actions produce on
 * a fresh copy, compared as canonical JSON and hashed; a mismatch names the records that differ.
 * {@code ignore} paths (for fields that legitimately vary) are removed from both states first:
 * each one weakens the check, and the audit's state-sensitivity probe reports what it no longer sees.
 */
record StateMatchCheck(List<List<String>> ignore) implements RewardCheck {
    private static final int DIFFERENCES_SHOWN = 3;
    private static final int DIFFERENCES_KEPT = 20;

    @Override
    public Grades grades() {
        return Grades.END_STATE;
    }

    @Override
    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
        EnvironmentSession session = GroundTruth.session("state_match", task, environment);
        if (!(session instanceof ToolEnvironment tools)) {
            throw new IllegalStateException("state_match grades a tool environment's state, but task '" + task.id()
                    + "' runs in " + session.getClass().getSimpleName() + "; set the suite's environment to a tool domain");
        }
        Map<String, Object> expected = StateTree.without(tools.expectedState(), ignore);
        Map<String, Object> actual = StateTree.without(tools.state(), ignore);
        // Record by record, not one hash of each whole state: a state runs to megabytes, its records
        // are mostly shared with the expected state, and equal records are found equal at once.
        List<String> differences = StateTree.differences(expected, actual);
        if (differences.isEmpty()) {
            return RewardResult.pass("end state matches the gold actions' state");
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("differences", differences.stream().limit(DIFFERENCES_KEPT).toList());
        String shown = String.join("; ", differences.stream().limit(DIFFERENCES_SHOWN).toList());
        int more = differences.size() - DIFFERENCES_SHOWN;
        return RewardResult.fail("end state differs from the gold actions' state in " + differences.size()
                + (differences.size() == 1 ? " record: " : " records: ") + shown + (more > 0 ? "; and " + more + " more" : ""))
                .withEvidence(evidence);
    }
}
