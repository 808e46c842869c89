package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades the same replies several times and requires the same result every time (ABC O.f.2): each
 * task's reference and an unrelated reply, {@code repeats} times each (at least twice), comparing
 * score, verdict and explanation. A check with randomness, a clock or state kept between calls
 * turns scores into noise; a check that throws every time is the ground-truth probe's finding.
 */
public final class GraderDeterminismProbe extends AnswerProbe {

    @Override
    public String name() {
        return "grader-determinism";
    }

    @Override
    public String description() {
        return "the same reply graded twice gets the same reward";
    }

    @Override
    public List<String> covers() {
        return List.of("O.f.2");
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        int times = Math.max(2, context.repeats());
        List<Finding> findings = new ArrayList<>();
        for (Task task : context.suite().tasks()) {
            RewardCheck check = context.check(task);
            List<Map<String, Object>> unstable = new ArrayList<>();
            for (String reply : List.of(ReferenceAnswers.text(task), GroundTruthProbe.UNRELATED_ANSWERS.getFirst())) {
                Map<Verdict, Integer> verdicts = new LinkedHashMap<>();
                for (int i = 0; i < times; i++) {
                    verdicts.merge(Verdict.of(check, task, reply), 1, Integer::sum);
                }
                if (verdicts.size() > 1) {
                    Map<String, Object> differing = new LinkedHashMap<>();
                    differing.put("answer", reply);
                    differing.put("results", verdicts.entrySet().stream().map(e -> e.getKey().describe(e.getValue())).toList());
                    unstable.add(differing);
                }
            }
            if (!unstable.isEmpty()) {
                findings.add(new Finding(name(), List.of("O.f.2"), Finding.Severity.ERROR, task.id(),
                        "Grading the same reply " + times + " times gave different results, so a score on this task "
                                + "is partly chance. Fix: make the check deterministic: no randomness, clock, network "
                                + "or state kept between calls.",
                        Map.of("repeats", times, "replies", unstable)));
            }
        }
        return findings;
    }

    /** One grading's result, compared by value; a check that throws gives its error instead. */
    private record Verdict(double score, boolean passed, String explanation, String error) {

        static Verdict of(RewardCheck check, Task task, String reply) {
            try {
                RewardResult result = check.check(task, AgentOutput.of(reply));
                return new Verdict(result.score(), result.passed(), result.explanation(), null);
            } catch (RuntimeException e) {
                return new Verdict(0, false, "", String.valueOf(e.getMessage()));
            }
        }

        Map<String, Object> describe(int count) {
            Map<String, Object> map = new LinkedHashMap<>();
            if (error == null) {
                map.put("score", score);
                map.put("passed", passed);
                map.put("explanation", explanation);
            } else {
                map.put("error", error);
            }
            map.put("times", count);
            return map;
        }
    }
}
