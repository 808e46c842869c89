package io.assay.docker;

import io.assay.spi.Agent;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Sandbox;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One real trial of a probe's own agent: the agent does its work through the trial's
 * {@link Sandbox} and answers nothing, the verifier then grades the container as usual, and what
 * the work found comes back beside the trial's record.
 *
 * @param record the trial as the harness recorded it
 * @param found what the work returned, or {@code null} when it did not finish (see {@link #failure()})
 * @param <T> what the work finds
 */
record SandboxTrial<T>(TrialRecord record, T found) {

    /** Work an agent does in a trial's sandbox. */
    @FunctionalInterface
    interface Work<T> {
        T run(Sandbox sandbox) throws Exception;
    }

    /** How a trial of the work's agent is run: graded or not. */
    @FunctionalInterface
    private interface Runner {
        TrialRecord run(Agent agent) throws Exception;
    }

    /** A trial whose agent does {@code work}, graded by the task's verifier. */
    static <T> SandboxTrial<T> run(AuditContext context, Task task, int epoch, Work<T> work) throws Exception {
        return run(work, agent -> context.trial(agent, task, epoch));
    }

    /**
     * A trial whose agent does {@code work}, not graded: for a probe that needs only what the work
     * found, which saves the sandbox a copy of the tests in, their run and a read of the reward.
     * Its {@link #verdict()} has no reward, which matters only when the work did not finish, and
     * then no trial is graded anyway.
     */
    static <T> SandboxTrial<T> ungraded(AuditContext context, Task task, int epoch, Work<T> work) throws Exception {
        return run(work, agent -> context.ungradedTrial(agent, task, epoch));
    }

    private static <T> SandboxTrial<T> run(Work<T> work, Runner runner) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        TrialRecord record = runner.run(input -> {
            if (!(input.environment() instanceof Sandbox sandbox)) {
                throw new IllegalStateException("the trial's environment is not a sandbox: " + input.environment());
            }
            found.set(work.run(sandbox));
            return AgentOutput.of("");
        });
        return new SandboxTrial<>(record, found.get());
    }

    boolean finished() {
        return found != null;
    }

    boolean passed() {
        return record.passed();
    }

    /** Why the work did not finish: the sandbox broke, or a probe command failed or timed out. */
    String failure() {
        return record.error() != null ? record.error() : record.outcome().name().toLowerCase(Locale.ROOT);
    }

    /** How the trial ended and how the verifier graded it. */
    Map<String, Object> verdict() {
        return verdict(record);
    }

    /** How {@code record}'s trial ended and how the verifier graded it. */
    static Map<String, Object> verdict(TrialRecord record) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("outcome", record.outcome().name().toLowerCase(Locale.ROOT));
        if (record.reward() != null) {
            verdict.put("reward", record.reward().score());
            verdict.put("passed", record.reward().passed());
            verdict.put("explanation", record.reward().explanation());
            if (!record.reward().evidence().isEmpty()) {
                verdict.put("verifier", record.reward().evidence());
            }
        }
        if (record.error() != null) {
            verdict.put("error", record.error());
        }
        return verdict;
    }

    /**
     * A warning saying the task was not checked because this trial's work did not finish: the
     * sandbox or a probe command failed, which the solvability probe reports on its own. A warning,
     * not info, so the report card never reads {@code pass} for an item whose check did not happen.
     */
    Finding notChecked(String probe, List<String> abc, Task task, String what) {
        return new Finding(probe, abc, Finding.Severity.WARNING, task.id(),
                what + " was not checked: the probe's trial did not finish (" + failure() + "). Fix: make the "
                        + "task's sandbox start and its commands finish within the time limits, then audit again.",
                verdict(), what + " was not checked: the probe's trial did not finish");
    }
}
