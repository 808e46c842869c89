package io.assay.core.audit.probes;

import io.assay.kit.Parallel;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Outcome;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the {@code oracle} agent on every task, {@code repeats} times, as real trials (ABC T.8, T.9):
 * the reference solution must get full reward every time, or the task cannot be solved as graded.
 * Repeats that disagree mean the grader or the environment is nondeterministic (O.f.2).
 *
 * <p>Terminal-Bench rejects a task whose oracle fails, and SWE-bench requires the gold patch to
 * turn the failing tests green; this is the same gate.
 */
public final class SolvabilityProbe implements AuditProbe {
    /**
     * How many tasks probes that run real trials work on at once. Each task's work may hold an
     * environment session, so as many as a run's default {@code --concurrency}.
     */
    public static final int TASKS_AT_ONCE = 8;
    private static final String ORACLE = "oracle";

    @Override
    public String name() {
        return "solvability";
    }

    @Override
    public String description() {
        return "the oracle agent gets full reward on every task, every time";
    }

    @Override
    public List<String> covers() {
        return List.of("T.8", "T.9", "O.f.2");
    }

    @Override
    public List<Finding> audit(AuditContext context) throws Exception {
        List<Task> tasks = context.suite().tasks();
        List<List<TrialRecord>> trials = Parallel.map(tasks, TASKS_AT_ONCE, task -> repeatedTrials(context, task));
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            judge(tasks.get(i), trials.get(i), findings);
        }
        return findings;
    }

    private static List<TrialRecord> repeatedTrials(AuditContext context, Task task) throws Exception {
        List<TrialRecord> trials = new ArrayList<>(context.repeats());
        for (int epoch = 0; epoch < context.repeats(); epoch++) {
            trials.add(context.trial(ORACLE, task, epoch));
        }
        return trials;
    }

    private void judge(Task task, List<TrialRecord> trials, List<Finding> findings) {
        long solved = trials.stream().filter(SolvabilityProbe::fullReward).count();
        if (solved == trials.size()) {
            return;
        }
        boolean agree = trials.stream().map(SolvabilityProbe::verdict).distinct().count() == 1;
        findings.add(agree ? unsolved(task, trials.getFirst()) : flaky(task, trials, solved));
    }

    private Finding unsolved(Task task, TrialRecord trial) {
        Map<String, Object> evidence = describe(trial);
        evidence.remove("epoch");
        evidence.put("expected", task.answer());
        if (trial.outcome() == Outcome.JUDGE_ERROR) {
            // No verdict is not a failing one: without a judge model (a published benchmark names none),
            // the audit cannot tell whether the reference passes, and says so rather than calling it unsolvable.
            return new Finding(name(), List.of("T.8", "T.9"), Finding.Severity.WARNING, task.id(),
                    "Whether the task can be solved as graded is not known: the judge reached no verdict on its"
                            + " reference solution (" + trial.error() + "). Fix: audit with a judge model"
                            + " (--judge-model); if the judge still reaches no verdict, make its rubric answerable.",
                    evidence, "the judge reached no verdict on the reference solution, so solvability is not known");
        }
        String cause = switch (trial.outcome()) {
            case COMPLETED -> trial.reward().passed()
                    ? "its reference solution passes without full reward"
                    : "its reference solution fails its check";
            case HARNESS_ERROR -> "grading or running its reference solution is a harness error";
            case JUDGE_ERROR -> throw new IllegalStateException("a judge error is reported above");
            case AGENT_ERROR -> "the oracle could not answer its reference solution";
            case TIMEOUT -> "the oracle's trial timed out";
        };
        String detail = trial.outcome() != Outcome.COMPLETED ? trial.error()
                : trial.reward().passed()
                ? "score " + trial.reward().score() + " instead of full reward: " + trial.reward().explanation()
                : trial.reward().explanation();
        String fix = trial.outcome() == Outcome.TIMEOUT
                ? "make the environment start and respond within the trial timeout, or raise --timeout."
                : "correct the task's solution or answer, or its check, so the reference solution gets full reward.";
        return new Finding(name(), List.of("T.8", "T.9"), Finding.Severity.ERROR, task.id(),
                "The task cannot be solved as graded: " + cause + " (" + detail + "). Fix: " + fix, evidence,
                "the task cannot be solved as graded: " + cause);
    }

    private Finding flaky(Task task, List<TrialRecord> trials, long solved) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("repeats", trials.size());
        evidence.put("solved", solved);
        evidence.put("trials", trials.stream().map(SolvabilityProbe::describe).toList());
        return new Finding(name(), List.of("O.f.2", "T.9"), Finding.Severity.ERROR, task.id(),
                "The same reference solution got different results on repeated trials: " + solved + " of "
                        + trials.size() + " got full reward, so a score on this task is partly noise. Fix: make "
                        + "the check and the environment deterministic (no clocks, randomness, shared state or live services).",
                evidence, "the same reference solution gets different results on repeated trials");
    }

    private static boolean fullReward(TrialRecord trial) {
        return trial.passed() && trial.reward().score() == 1.0;
    }

    /** What must be the same on every repeat: how the trial ended and how it was graded. */
    private static List<Object> verdict(TrialRecord trial) {
        return trial.reward() == null
                ? List.of(trial.outcome())
                : List.of(trial.outcome(), trial.reward().score(), trial.reward().passed());
    }

    private static Map<String, Object> describe(TrialRecord trial) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epoch", trial.epoch());
        map.put("outcome", trial.outcome().name().toLowerCase(Locale.ROOT));
        map.put("answer", trial.output() == null ? null : trial.output().answer());
        if (trial.reward() != null) {
            map.put("score", trial.reward().score());
            map.put("passed", trial.reward().passed());
            map.put("explanation", trial.reward().explanation());
        }
        if (trial.error() != null) {
            map.put("error", trial.error());
        }
        return map;
    }
}
