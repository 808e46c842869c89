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
        EnvironmentSession session = environment.orElseThrow(() -> new IllegalStateException(
                "state_match grades a tool environment's end state, but task '" + task.id() + "' was graded without one"));
        if (!(session instanceof ToolEnvironment tools)) {
            throw new IllegalStateException("state_match grades a tool environment's state, but task '" + task.id()
                    + "' runs in " + session.getClass().getSimpleName() + "; set the suite's environment to a tool domain");
        }
        Map<String, Object> expected = StateTree.without(tools.expectedState(), ignore);
        Map<String, Object> actual = StateTree.without(tools.state(), ignore);
        String expectedHash = StateTree.hash(expected);
        // Equal trees have equal canonical forms: one pass over a state that may run to megabytes, not two.
        String actualHash = expected.equals(actual) ? expectedHash : StateTree.hash(actual);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expected_hash", expectedHash);
        evidence.put("actual_hash", actualHash);
        if (expectedHash.equals(actualHash)) {
            return RewardResult.pass("end state matches the gold actions' state (" + expectedHash.substring(0, 19) + ")")
                    .withEvidence(evidence);
        }
        List<String> differences = StateTree.differences(expected, actual);
        evidence.put("differences", differences.stream().limit(DIFFERENCES_KEPT).toList());
        String shown = String.join("; ", differences.stream().limit(DIFFERENCES_SHOWN).toList());
        int more = differences.size() - DIFFERENCES_SHOWN;
        return RewardResult.fail("end state differs from the gold actions' state in " + differences.size()
                + (differences.size() == 1 ? " record: " : " records: ") + shown + (more > 0 ? "; and " + more + " more" : ""))
                .withEvidence(evidence);
    }
}
