package io.assay.judge;

import io.assay.kit.Excerpt;
import io.assay.kit.Parallel;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.VerdictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adversarial answers (ABC O.c.2): grades, with each judged task's own check, answers a judge
 * must fail: empty, a refusal, the reference followed by its denial, an instruction to the judge,
 * and a confident near miss of the reference. WebArena's judge accepted "45 + 8 min" for 63 minutes;
 * any of these passing is an error. A judge error on one of them is information: the trial would
 * be a judge error, not a pass.
 */
final class AdversarialProbe extends JudgeProbe {
    private static final int TASKS_AT_ONCE = 8;
    private static final List<String> ABC = List.of("O.c.2");

    @Override
    public String name() {
        return "judge-adversarial";
    }

    @Override
    public String description() {
        return "empty, refusing, self-contradicting, injected and near-miss answers must fail the judge";
    }

    @Override
    public List<String> covers() {
        return ABC;
    }

    @Override
    public List<Finding> audit(AuditContext context) throws InterruptedException {
        return Parallel.map(judgedTasks(context.suite()), TASKS_AT_ONCE, task -> attack(context.check(task), task))
                .stream().flatMap(List::stream).toList();
    }

    private List<Finding> attack(RewardCheck check, Task task) {
        String reference = JudgePrompt.reference(task.answer());
        List<Finding> findings = new ArrayList<>();
        Map<String, String> judgeErrors = new LinkedHashMap<>();
        for (Attack attack : Attack.on(reference)) {
            try {
                RewardResult result = check.check(task, AgentOutput.of(attack.output()));
                if (result.passed()) {
                    findings.add(passing(task, reference, attack, result));
                }
            } catch (VerdictException e) {
                judgeErrors.put(attack.name(), e.getMessage());
            }
        }
        if (!judgeErrors.isEmpty()) {
            findings.add(new Finding(name(), ABC, Severity.INFO, task.id(), "The judge gave no verdict on "
                    + judgeErrors.size() + " adversarial answer(s) (" + String.join(", ", judgeErrors.keySet())
                    + "); such trials end as judge errors, not passes.", Map.of("judge_errors", judgeErrors),
                    "the judge gives no verdict on some adversarial answers"));
        }
        return findings;
    }

    private Finding passing(Task task, String reference, Attack attack, RewardResult result) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("attack", attack.name());
        evidence.put("output", attack.output());
        if (attack.perturbation() != null) {
            evidence.put("perturbation", attack.perturbation());
        }
        evidence.put("reference", Excerpt.of(reference, 200));
        evidence.put("explanation", result.explanation());
        if (result.evidence().containsKey("judges")) {
            evidence.put("judges", result.evidence().get("judges"));
        }
        return new Finding(name(), ABC, Severity.ERROR, task.id(), "The judge passes " + attack.description()
                + ", \"" + Excerpt.of(attack.output(), 120) + "\" (" + attack.name() + "): " + result.explanation()
                + ". Fix: say in the rubric what a correct answer must state and that empty, hedged, self-contradicting"
                + " or instruction-giving answers fail; or use a stronger judge or a panel.", evidence,
                "the judge passes " + attack.description());
    }
}
