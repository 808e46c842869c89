package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that the ground truth is usable and means something (ABC T.7): the same question must
 * not appear with different answers (see {@link GroundTruthDuplicates}), each task's reference must
 * fit its own check, and the check must not accept replies unrelated to the task.
 */
public final class GroundTruthProbe implements AuditProbe {
    /**
     * Replies that answer no task. They share no character, so one short expected string (a
     * {@code contains} of "a" or "7") cannot occur in both; a check that passes both accepts anything.
     */
    static final List<String> UNRELATED_ANSWERS = List.of("zq-unrelated-7731", "whimsy jig pox");

    @Override
    public String name() {
        return "ground-truth";
    }

    @Override
    public String description() {
        return "no conflicting duplicates, references that fit their checks, checks that reject nonsense";
    }

    @Override
    public List<String> covers() {
        return List.of("T.7");
    }

    @Override
    public List<Finding> audit(AuditContext context) throws InterruptedException {
        List<Finding> findings = new ArrayList<>(GroundTruthDuplicates.find(context, name()));
        for (Task task : context.suite().tasks()) {
            RewardCheck check = context.check(task);
            if (!ReferenceAnswers.gradesAnswers(check)) {
                continue; // The check grades end state (a sandbox's tests), not answers: nothing to compare here.
            }
            String reference = ReferenceAnswers.text(task);
            try {
                check.check(task, AgentOutput.of(reference), Optional.empty());
            } catch (RuntimeException e) {
                findings.add(unfit(context, task, reference, e));
                continue;
            }
            acceptsAnything(context, task, check).ifPresent(findings::add);
        }
        return findings;
    }

    private Finding unfit(AuditContext context, Task task, String reference, RuntimeException e) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("check", checkType(context, task));
        evidence.put("answer", task.answer());
        evidence.put("reference", reference);
        evidence.put("error", String.valueOf(e.getMessage()));
        return new Finding(name(), List.of("T.7"), Finding.Severity.ERROR, task.id(),
                "Grading the task's own reference answer throws, so no reply can ever be graded: " + e.getMessage()
                        + ". Fix: write the answer in the form its check expects (a number for numeric, a valid "
                        + "pattern for regex, one of the letters for choice), or use a check that fits it.",
                evidence, "grading the task's own reference answer throws");
    }

    private Optional<Finding> acceptsAnything(AuditContext context, Task task, RewardCheck check) {
        List<RewardResult> results = new ArrayList<>(UNRELATED_ANSWERS.size());
        for (String unrelated : UNRELATED_ANSWERS) {
            Optional<RewardResult> result = ReferenceAnswers.grade(check, task, unrelated);
            if (result.filter(RewardResult::passed).isEmpty()) {
                return Optional.empty();
            }
            results.add(result.get());
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("check", checkType(context, task));
        evidence.put("answers", UNRELATED_ANSWERS);
        evidence.put("explanations", results.stream().map(RewardResult::explanation).toList());
        return Optional.of(new Finding(name(), List.of("T.7"), Finding.Severity.ERROR, task.id(),
                "The check accepts replies unrelated to the task: \"" + String.join("\" and \"", UNRELATED_ANSWERS)
                        + "\" both pass (" + results.getFirst().explanation() + "), so its score cannot tell right "
                        + "from wrong. Fix: tighten the check so only a correct reply passes; for regex, a pattern "
                        + "that can match the empty string (.*, a*, an empty alternative x|) matches every reply.",
                evidence, "the check accepts replies unrelated to the task"));
    }

    private static Object checkType(AuditContext context, Task task) {
        return context.suite().rewardFor(task).get("type");
    }
}
