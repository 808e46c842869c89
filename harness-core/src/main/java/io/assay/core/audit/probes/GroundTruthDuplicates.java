package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.core.json.Json;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Options;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds tasks that ask the same question (ABC T.7). Two answers to one question cannot both be
 * right, so a conflict is an error on every task involved; a repeat with the same answer only
 * gives that question more weight, a warning on each copy after the first.
 *
 * <p>Prompts are compared after trimming, collapsing whitespace and ignoring case. Answers are the
 * same when they are equal as JSON, or when each task's check accepts the other's reference
 * ({@code 4} and {@code "4.0"} under {@code numeric}).
 */
final class GroundTruthDuplicates {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** How many other tasks a message names. */
    private static final int NAMED = 3;
    /** How many other tasks the evidence lists, so a suite with one prompt for all tasks stays linear. */
    private static final int LISTED = 10;

    private GroundTruthDuplicates() {
    }

    static List<Finding> find(AuditContext context, String probe) {
        Map<String, List<Task>> byQuestion = new LinkedHashMap<>();
        // Outside the empty environment each task may come with its own files or state, and the
        // simulated user may say more than the prompt (its turns, its scenario), so an identical
        // prompt is the same question only with identical metadata and user too.
        Options environment = context.suite().environment();
        boolean promptOnly = environment == null || "none".equals(environment.get("type"));
        for (Task task : context.suite().tasks()) {
            String prompt = WHITESPACE.matcher(task.prompt().strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
            if (!prompt.isEmpty()) {
                String key = promptOnly ? prompt : prompt + '\u0000' + Json.write(task.metadata()) + '\u0000'
                        + Json.write(task.userTurns()) + '\u0000' + userScenario(task);
                byQuestion.computeIfAbsent(key, k -> new ArrayList<>(1)).add(task);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Task> group : byQuestion.values()) {
            if (group.size() > 1) {
                report(context, probe, group, findings);
            }
        }
        return findings;
    }

    /** What a model user plays besides the prompt: a tool task's {@code answer.user_scenario}, if any. */
    private static String userScenario(Task task) {
        return task.answer() instanceof Map<?, ?> answer && answer.get("user_scenario") instanceof String scenario
                ? scenario : "";
    }

    private static void report(AuditContext context, String probe, List<Task> group, List<Finding> findings) {
        Task first = group.getFirst();
        boolean consistent = group.stream().skip(1).allMatch(task -> sameAnswer(context, first, task));
        if (consistent) {
            for (Task copy : group.subList(1, group.size())) {
                findings.add(new Finding(probe, List.of("T.7"), Finding.Severity.WARNING, copy.id(),
                        "This task repeats the prompt of task " + first.id() + " with the same answer, so that "
                                + "question counts " + group.size() + " times in the score. Fix: remove the copy, "
                                + "or make it ask something different.",
                        evidence(copy, List.of(first), group.size() - 1),
                        "the task repeats another task's prompt with the same answer"));
            }
            return;
        }
        for (Task task : group) {
            List<Task> others = group.stream().filter(other -> other != task).limit(LISTED).toList();
            List<String> named = others.stream().limit(NAMED)
                    .map(other -> other.id() + " (" + Json.write(other.answer()) + ")").toList();
            int unnamed = group.size() - 1 - named.size();
            findings.add(new Finding(probe, List.of("T.7"), Finding.Severity.ERROR, task.id(),
                    "The same prompt is also in " + (others.size() == 1 ? "task " : "tasks ") + String.join(", ", named)
                            + (unnamed > 0 ? " and " + unnamed + " more" : "") + ", and the answers disagree (this "
                            + "task's is " + Json.write(task.answer()) + "), so an agent is marked wrong on one of "
                            + "them whatever it answers. Fix: correct the wrong answer and keep one copy of the question.",
                    evidence(task, others, group.size() - 1), "tasks with the same prompt have different answers"));
        }
    }

    private static boolean sameAnswer(AuditContext context, Task a, Task b) {
        return Json.write(a.answer()).equals(Json.write(b.answer())) || accepts(context, a, b) && accepts(context, b, a);
    }

    /** Whether {@code grader}'s check passes {@code other}'s reference; a check that throws accepts nothing. */
    private static boolean accepts(AuditContext context, Task grader, Task other) {
        return ReferenceAnswers.grade(context.check(grader), grader, ReferenceAnswers.text(other))
                .filter(RewardResult::passed).isPresent();
    }

    private static Map<String, Object> evidence(Task task, List<Task> others, int count) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("prompt", task.prompt());
        evidence.put("answer", task.answer());
        evidence.put("duplicates", others.stream().map(other -> {
            Map<String, Object> duplicate = new LinkedHashMap<>();
            duplicate.put("task", other.id());
            duplicate.put("answer", other.answer());
            return duplicate;
        }).toList());
        evidence.put("duplicate_count", count);
        return evidence;
    }
}
