package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.core.audit.probes.EquivalenceVariants.Kind;
import io.assay.core.audit.probes.EquivalenceVariants.Variant;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Equivalence (ABC O.a.1, O.a.2): renderings of the reference that mean the same must pass:
 * case, surrounding whitespace, a full stop, "The answer is X.", number formats, a short
 * explanation, JSON layout; each only where it cannot change the meaning for the task's check
 * (see {@link EquivalenceVariants}). A rejection is a false negative that understates scores,
 * as WebArena's string checks rejected valid answers. One warning per task lists every rejection.
 */
public final class EquivalenceProbe extends AnswerProbe {

    @Override
    public String name() {
        return "equivalence";
    }

    @Override
    public String description() {
        return "renderings of the reference that mean the same (case, punctuation, 1,000, a sentence) must pass";
    }

    @Override
    public List<String> covers() {
        return List.of("O.a.1", "O.a.2");
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        return eachAcceptedAnswer(context,
                (task, check, reference) -> rejections(task, check, context.suite().rewardFor(task), reference));
    }

    /** A variant the check rejected, and why. */
    private record Rejection(Variant variant, String explanation) {
    }

    private Optional<Finding> rejections(Task task, RewardCheck check, Options spec, String reference) {
        List<Variant> variants = EquivalenceVariants.of(reference, EquivalenceVariants.fairKinds(spec, task),
                ReferenceAnswers.isChoice(spec));
        List<Rejection> rejected = new ArrayList<>();
        for (Variant variant : variants) {
            ReferenceAnswers.grade(check, task, variant.text()).filter(result -> !result.passed())
                    .map(RewardResult::explanation)
                    .ifPresent(explanation -> rejected.add(new Rejection(variant, explanation)));
        }
        if (rejected.isEmpty()) {
            return Optional.empty();
        }
        Set<Kind> kinds = rejected.stream().map(r -> r.variant().kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        List<String> abc = kinds.stream().map(kind -> kind.abc).distinct().sorted().toList();
        List<Map<String, Object>> shown = rejected.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", r.variant().kind().label);
            row.put("reply", Renderings.shown(r.variant().text()));
            row.put("explanation", r.explanation());
            return row;
        }).toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reference", Renderings.shown(reference));
        evidence.put("rejected", shown);
        Rejection first = rejected.getFirst();
        String labels = kinds.stream().map(kind -> kind.label).collect(Collectors.joining(", "));
        String message = rejected.size() + " of " + variants.size() + " renderings that mean the same as the reference "
                + "are rejected (" + labels + "), e.g. \"" + Renderings.shown(first.variant().text()).strip() + "\": "
                + first.explanation() + ". Fix: " + fixes(kinds) + ".";
        return Optional.of(new Finding(name(), abc, Severity.WARNING, task.id(), message, evidence,
                "renderings that mean the same as the reference are rejected (" + labels + ")"));
    }

    private static String fixes(Set<Kind> kinds) {
        Set<String> fixes = new LinkedHashSet<>();
        for (Kind kind : kinds) {
            fixes.add(switch (kind) {
                case CASE -> "compare case-insensitively";
                case WHITESPACE, PUNCTUATION -> "normalize whitespace and punctuation "
                        + "(exact: normalize: [whitespace, punctuation])";
                case NUMBER_FORM -> "grade numbers by value with the numeric check";
                case JSON_LAYOUT -> "compare JSON by meaning with the json check";
                case SENTENCE, EXPLANATION -> "accept the answer inside a sentence (numeric: extract: last, or a "
                        + "check that finds the answer without being fooled by negation), or, if only the bare answer "
                        + "is meant, say so in the prompt (\"Reply with the number only.\", O.h.1)";
            });
        }
        return String.join("; ", fixes);
    }
}
