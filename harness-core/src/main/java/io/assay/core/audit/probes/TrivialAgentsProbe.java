package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.core.baseline.TrivialBaselines;
import io.assay.core.baseline.TrivialBaselines.Baseline;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trivial agents (ABC T.10, O.h.2, R.13): a task passed by an empty answer, a refusal or the
 * prompt echoed back is an error, as tau-bench's "change nothing" tasks passed a do-nothing agent
 * and WebArena's N/A tasks passed an empty reply. Constant answers are judged at suite level
 * against chance: always answering "A" on a balanced four-option suite scores 25% and is fine.
 * Chance counts the options each prompt offers, not the letters the key uses, so a key of A and B
 * only on four-option questions is judged against 25%, and the finding shows the key's letter counts.
 * The baselines themselves are reported as information a published score should be read against.
 */
public final class TrivialAgentsProbe implements AuditProbe {
    private static final List<String> PER_TASK_ABC = List.of("T.10");
    private static final List<String> CONSTANT_ABC = List.of("T.10", "O.h.2");
    private static final Set<String> PER_TASK = Set.of("empty", "refusal", "echo");
    /** A constant must beat chance by at least this much, however many tasks there are. */
    private static final double MARGIN = 0.10;
    private static final double EPSILON = 1e-9;

    @Override
    public String name() {
        return "trivial-agents";
    }

    @Override
    public String description() {
        return "empty, refusal, echo and constant answers must not pass (beyond chance)";
    }

    @Override
    public List<String> covers() {
        return List.of("T.10", "O.h.2", "R.13");
    }

    @Override
    public Optional<String> notApplicable(AuditContext context) {
        return ReferenceAnswers.noAnswerGraded(context);
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        List<Baseline> baselines = TrivialBaselines.measure(context.suite(), context::check);
        Map<String, Task> tasks = context.suite().tasks().stream()
                .collect(Collectors.toMap(Task::id, Function.identity(), (first, second) -> first));
        Set<String> letters = baselines.stream().filter(b -> b.strategy().startsWith("letter-"))
                .map(Baseline::reply).collect(Collectors.toSet());
        Map<String, Integer> answerKey = answerKey(context, letters);
        List<Finding> findings = new ArrayList<>();
        for (Baseline baseline : baselines) {
            if (PER_TASK.contains(baseline.strategy())) {
                baseline.passed().forEach(id -> findings.add(perTask(baseline, tasks.get(id))));
            } else if (!isLetter(baseline, letters)) {
                constantFinding(baseline, answerKey).ifPresent(findings::add);
            }
        }
        if (!baselines.isEmpty()) { // none when the checks grade end state rather than answers
            findings.add(summary(baselines));
        }
        return findings;
    }

    /** A most-common answer that is a choice letter is already judged as that letter. */
    private static boolean isLetter(Baseline constant, Set<String> letters) {
        return constant.strategy().equals("constant") && letters.contains(constant.reply().strip().toUpperCase(Locale.ROOT));
    }

    private Finding perTask(Baseline baseline, Task task) {
        String reply = baseline.reply() != null ? baseline.reply() : task.prompt();
        String explanation = baseline.explanations().get(task.id());
        String what = switch (baseline.strategy()) {
            case "empty" -> "An empty answer passes this task";
            case "refusal" -> "The refusal \"" + TrivialBaselines.REFUSAL + "\" passes this task";
            default -> "Echoing the prompt back passes this task";
        };
        String fix = switch (baseline.strategy()) {
            case "empty" -> "Fix: make the check require an explicit answer (for a \"nothing to do\" task, an explicit "
                    + "\"N/A\" or a checked end state), so that doing nothing cannot pass.";
            case "refusal" -> "Fix: make the check require the answer itself, so that declining to answer cannot pass.";
            default -> "Fix: grade the whole answer (exact, numeric strict, choice) instead of a pattern the prompt "
                    + "already contains, or reword the prompt so it does not contain what the check looks for.";
        };
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("strategy", baseline.strategy());
        evidence.put("reply", Renderings.shown(reply));
        evidence.put("explanation", explanation);
        return new Finding(name(), PER_TASK_ABC, Severity.ERROR, task.id(),
                what + " (" + explanation + "). " + fix, evidence, "the " + baseline.strategy() + " strategy passes");
    }

    /**
     * A constant answer is a finding when its pass rate beats chance by more than 10 points and
     * more than two standard errors of guessing over its tasks; an error when it reaches half the
     * tasks or twice chance plus 10 points (at least 25% when chance is 0).
     */
    private Optional<Finding> constantFinding(Baseline baseline, Map<String, Integer> answerKey) {
        double chance = baseline.chance();
        double rate = baseline.passRate();
        int n = baseline.tasks();
        double standardError = n == 0 ? 0.0 : Math.sqrt(chance * (1 - chance) / n);
        double threshold = chance + Math.max(MARGIN, 2 * standardError);
        if (n == 0 || rate <= threshold + EPSILON) {
            return Optional.empty();
        }
        boolean error = rate >= 0.5 - EPSILON || rate >= Math.max(2 * chance + MARGIN, 0.25) - EPSILON;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("strategy", baseline.strategy());
        evidence.put("reply", baseline.reply());
        evidence.put("pass_rate", rate);
        evidence.put("chance", chance);
        evidence.put("threshold", threshold);
        evidence.put("tasks", n);
        evidence.put("passed", baseline.passed());
        boolean letter = baseline.strategy().startsWith("letter-");
        if (letter) {
            evidence.put("answer_key", answerKey);
        }
        String key = letter ? " Correct letters in the answer key: " + answerKey.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")) + "." : "";
        String message = String.format(Locale.ROOT,
                "Answering %s passes %d of %d tasks (%.0f%%), well above the %.0f%% chance level, so guessing "
                        + "inflates scores.%s Fix: balance the answers (for choice tasks, spread the correct letter "
                        + "evenly over the options) or rewrite the tasks whose answers repeat.",
                baseline.description(), baseline.passed().size(), n, 100 * rate, 100 * chance, key);
        return Optional.of(new Finding(name(), CONSTANT_ABC, error ? Severity.ERROR : Severity.WARNING,
                null, message, evidence));
    }

    /**
     * How often each offered letter is the correct one over the choice tasks, every offered
     * letter listed (a letter the key never uses shows as 0), in letter order.
     */
    private static Map<String, Integer> answerKey(AuditContext context, Set<String> letters) {
        Map<String, Integer> counts = new TreeMap<>();
        letters.forEach(letter -> counts.put(letter, 0));
        for (Task task : context.suite().tasks()) {
            String answer = ReferenceAnswers.text(task).strip().toUpperCase(Locale.ROOT);
            if (ReferenceAnswers.isChoice(context.suite().rewardFor(task)) && counts.containsKey(answer)) {
                counts.merge(answer, 1, Integer::sum);
            }
        }
        return counts;
    }

    private Finding summary(List<Baseline> baselines) {
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder scores = new StringBuilder();
        for (Baseline baseline : baselines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", baseline.strategy());
            row.put("description", baseline.description());
            row.put("score", baseline.score());
            row.put("pass_rate", baseline.passRate());
            row.put("chance", baseline.chance());
            row.put("tasks", baseline.tasks());
            row.put("passed", baseline.passed().size());
            rows.add(row);
            scores.append(scores.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.3f", baseline.strategy(), baseline.score()));
        }
        return new Finding(name(), List.of("R.13"), Severity.INFO, null,
                "Trivial-agent baselines (mean reward): " + scores + ". Publish them beside results: a score means "
                        + "little until it is read against what doing nothing or guessing achieves.",
                Map.of("baselines", rows));
    }
}
