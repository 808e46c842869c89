package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Negation (ABC O.b.1): "not X" and "The answer is not X." must fail, where X is the reference
 * answer the task's check accepts. A substring or unanchored pattern check passes them, as
 * WebArena's substring matching did.
 */
public final class NegationProbe extends AnswerProbe {

    @Override
    public String name() {
        return "negation";
    }

    @Override
    public String description() {
        return "negated answers (\"not X\", \"The answer is not X.\") must not pass";
    }

    @Override
    public List<String> covers() {
        return List.of("O.b.1");
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        return eachAcceptedAnswer(context, this::negationPassing);
    }

    private Optional<Finding> negationPassing(Task task, RewardCheck check, String reference) {
        Map<String, String> passing = new LinkedHashMap<>();
        for (String reply : List.of("not " + reference, "The answer is not " + reference + ".")) {
            ReferenceAnswers.grade(check, task, reply).filter(RewardResult::passed)
                    .ifPresent(result -> passing.put(Renderings.shown(reply), result.explanation()));
        }
        if (passing.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, String> first = passing.entrySet().iterator().next();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reference", Renderings.shown(reference));
        evidence.put("passing", passing);
        return Optional.of(new Finding(name(), List.of("O.b.1"), Severity.ERROR, task.id(),
                "The negated answer \"" + first.getKey() + "\" passes (" + first.getValue() + "): the check cannot "
                        + "tell an answer from its denial. Fix: grade the whole answer (exact, numeric, choice) or an "
                        + "anchored pattern instead of a substring.",
                evidence, "a denial of the reference passes"));
    }
}
