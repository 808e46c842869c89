package io.assay.docker;

import io.assay.spi.Finding;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code null} agent, which does nothing, on every sandboxed task (ABC T.10, O.g.3): if
 * the tests pass on the container as the image left it, they do not check the work the instruction
 * asks for. Terminal-Bench's CI rejects a task whose do-nothing run passes; this is the same gate.
 */
public final class SandboxDoNothingProbe extends SandboxProbe {
    private static final List<String> ABC = List.of("T.10", "O.g.3");

    @Override
    public String name() {
        return "sandbox-do-nothing";
    }

    @Override
    public String description() {
        return "the tests of a sandboxed task fail when the agent does nothing";
    }

    @Override
    public List<String> covers() {
        return ABC;
    }

    @Override
    List<Finding> auditTask(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception {
        TrialRecord trial = suite.trial("null", task, 0);
        return trial.passed() ? List.of(passed(task, trial)) : List.of();
    }

    private Finding passed(Task task, TrialRecord trial) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("agent", "null");
        evidence.putAll(SandboxTrial.verdict(trial));
        return new Finding(name(), ABC, Finding.Severity.ERROR, task.id(),
                "The tests pass for an agent that does nothing (reward " + trial.reward().score() + "): the container "
                        + "as the image leaves it already satisfies tests/test.sh, so a score on this task does not "
                        + "show the work was done. Fix: make test.sh check the end state the instruction asks for, one "
                        + "the image does not already have.",
                evidence, "the tests pass for an agent that does nothing");
    }
}
