package io.assay.core.audit.probes;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.baseline.ReferenceAnswers;
import io.assay.core.json.Json;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leakage (ABC T.5): the reference answer is recoverable from what the agent sees. Declarative
 * tasks show the agent only the prompt, so the prompt is searched (files given to the agent come
 * with environments). Precision matters more than recall here: numbers that merely occur in a
 * word problem, or an answer named among the options, are not leaks. Reported:
 * <ul>
 * <li>error: an answer-key phrase states the reference ("Answer: 42", "the correct answer is B",
 *     "Solution: ...", "expected output: ...") or marks it ("B) Na (correct)");</li>
 * <li>warning: a long reference (4+ words or 25+ characters) appears verbatim, outside an option
 *     list. When most such tasks do, the suite is extractive by design (reading comprehension,
 *     copying) and one suite-level note replaces the per-task warnings.</li>
 * </ul>
 * An object or array answer under a {@code json} check is searched for as JSON: a value of the
 * prompt that means the same (any layout, keys in any order) after an answer-key phrase is an
 * error, anywhere else a warning when the answer holds at least two values.
 */
public final class LeakageProbe implements AuditProbe {
    private static final List<String> ABC = List.of("T.5");
    /** Verbatim copies in at least this share of the long-reference tasks (and at least 4) mean an extractive suite. */
    private static final double EXTRACTIVE_SHARE = 0.5;
    private static final int EXTRACTIVE_MIN_TASKS = 4;

    @Override
    public String name() {
        return "leakage";
    }

    @Override
    public String description() {
        return "the reference answer must not be given away in the prompt";
    }

    @Override
    public List<String> covers() {
        return List.of("T.5");
    }

    @Override
    public Optional<String> notApplicable(AuditContext context) {
        return context.suite().tasks().stream().allMatch(task -> ReferenceAnswers.candidates(task).isEmpty())
                ? Optional.of("no task has a reference answer") : Optional.empty();
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> verbatim = new ArrayList<>();
        int longReferences = 0;
        for (Task task : context.suite().tasks()) {
            Optional<JsonNode> json = jsonReference(task, context.suite().rewardFor(task));
            if (json.isPresent()) {
                LeakagePrompt prompt = new LeakagePrompt(task.prompt());
                String reference = json.get().toString();
                Optional<String> stated = prompt.statedJson(json.get());
                if (stated.isPresent()) {
                    findings.add(error(task, reference, stated.get(), "answer key",
                            "The prompt states the answer in an answer-key phrase"));
                } else if (LeakagePrompt.distinctive(json.get())) {
                    longReferences++;
                    prompt.verbatimJson(json.get()).map(excerpt -> verbatimFinding(task, reference, excerpt))
                            .ifPresent(verbatim::add);
                }
                continue;
            }
            boolean choice = ReferenceAnswers.isChoice(context.suite().rewardFor(task));
            List<String> references = ReferenceAnswers.candidates(task).stream()
                    .map(String::strip).filter(reference -> !reference.isEmpty()).toList();
            Optional<Finding> keyed = keyed(task, references, choice);
            if (keyed.isPresent()) {
                findings.add(keyed.get());
                continue;
            }
            List<String> distinctive = choice ? List.of() : references.stream().filter(LeakagePrompt::distinctive).toList();
            if (!distinctive.isEmpty()) {
                longReferences++;
                verbatim(task, distinctive).ifPresent(verbatim::add);
            }
        }
        if (verbatim.size() >= EXTRACTIVE_MIN_TASKS && verbatim.size() >= EXTRACTIVE_SHARE * longReferences) {
            findings.add(extractive(verbatim, longReferences));
        } else {
            findings.addAll(verbatim);
        }
        return findings;
    }

    private Optional<Finding> keyed(Task task, List<String> references, boolean choice) {
        LeakagePrompt prompt = new LeakagePrompt(task.prompt());
        for (String reference : references) {
            Optional<String> stated = prompt.statedAnswer(reference);
            if (stated.isPresent()) {
                return Optional.of(error(task, reference, stated.get(), "answer key",
                        "The prompt states the answer in an answer-key phrase"));
            }
            Optional<String> marked = choice ? prompt.markedOption(reference) : prompt.markedLine(reference);
            if (marked.isPresent()) {
                return Optional.of(error(task, reference, marked.get(), "marked as correct",
                        "The prompt marks the correct " + (choice ? "option" : "answer")));
            }
        }
        return Optional.empty();
    }

    private Finding error(Task task, String reference, String excerpt, String rule, String what) {
        return new Finding(name(), ABC, Severity.ERROR, task.id(),
                what + ": \"" + excerpt + "\" gives away the reference \"" + Renderings.shown(reference) + "\". "
                        + "Fix: remove it from the prompt, and check how the prompts were generated for other copies.",
                evidence(reference, rule, excerpt), what);
    }

    private Optional<Finding> verbatim(Task task, List<String> references) {
        LeakagePrompt prompt = new LeakagePrompt(task.prompt());
        for (String reference : references) {
            Optional<String> line = prompt.verbatimOutsideOptions(reference);
            if (line.isPresent()) {
                return Optional.of(verbatimFinding(task, reference, line.get()));
            }
        }
        return Optional.empty();
    }

    private Finding verbatimFinding(Task task, String reference, String excerpt) {
        return new Finding(name(), ABC, Severity.WARNING, task.id(),
                "The reference \"" + Renderings.shown(reference) + "\" appears verbatim in the prompt (\""
                        + excerpt + "\"), so an agent can copy it. Fix: remove it from the prompt; if "
                        + "copying it out is the task (extractive question answering), ignore this warning.",
                evidence(reference, "verbatim", excerpt), "the reference appears verbatim in the prompt");
    }

    /**
     * The reference of a {@code json} check whose answer is an object or an array, as a tree: such
     * an answer is one value (not a list of alternatives), and it is compared by meaning, so it
     * is searched for as JSON rather than as text.
     */
    private static Optional<JsonNode> jsonReference(Task task, Options spec) {
        return "json".equals(spec.get("type")) && (task.answer() instanceof Map<?, ?> || task.answer() instanceof List<?>)
                ? Optional.of(Json.toTree(task.answer())) : Optional.empty();
    }

    private Finding extractive(List<Finding> verbatim, int longReferences) {
        List<String> tasks = verbatim.stream().map(Finding::task).toList();
        return new Finding(name(), ABC, Severity.INFO, null,
                "The reference appears verbatim in " + verbatim.size() + " of " + longReferences + " prompts with a long "
                        + "reference, as in extractive question answering or copying tasks, so they are not reported "
                        + "one by one. If the suite is not meant to be extractive, these prompts leak their answers: "
                        + "remove the answers from them.",
                Map.of("tasks", tasks, "long_references", longReferences));
    }

    private static Map<String, Object> evidence(String reference, String rule, String excerpt) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reference", Renderings.shown(reference));
        evidence.put("rule", rule);
        evidence.put("prompt_excerpt", excerpt);
        return evidence;
    }
}
