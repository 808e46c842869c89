package io.assay.core.baseline;

import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What trivial strategies score on a suite (ABC T.10, R.13): an empty answer, a refusal, an echo
 * of the prompt, the suite's most common answer for every task, and each choice letter for every
 * choice task. A published score means little until it is read against these.
 */
public final class TrivialBaselines {
    /** What the refusal strategy answers. */
    public static final String REFUSAL = "I don't know.";

    private TrivialBaselines() {
    }

    /**
     * One trivial strategy's result.
     *
     * @param strategy its name: {@code empty}, {@code refusal}, {@code echo}, {@code constant} or {@code letter-X}
     * @param description what it answers, for people
     * @param reply the reply it gives every task, or {@code null} when the reply depends on the task (echo)
     * @param score mean reward over the tasks it was graded on
     * @param chance the pass rate guessing would reach: for a letter, 1/options on each choice task
     *               that offers it; 0 on every other task
     * @param tasks how many tasks it was graded on: every task, or the choice tasks for a letter
     * @param passed the ids of the tasks it passes
     * @param explanations the reward explanation of each passed task, by task id
     */
    public record Baseline(String strategy, String description, String reply, double score, double chance,
                           int tasks, List<String> passed, Map<String, String> explanations) {

        /** The fraction of its tasks it passes. */
        public double passRate() {
            return tasks == 0 ? 0.0 : (double) passed.size() / tasks;
        }
    }

    /** Grades every strategy on every task it applies to; a grader that throws counts as no reward. */
    public static List<Baseline> measure(Suite suite, Function<Task, RewardCheck> checks) {
        ChoiceLetters letters = ChoiceLetters.of(suite);
        Predicate<Task> gradesAnswers = task -> ReferenceAnswers.gradesAnswers(checks.apply(task));
        List<Baseline> baselines = new ArrayList<>();
        baselines.add(grade(suite, checks, gradesAnswers, letters, "empty", "an empty answer", ""));
        baselines.add(grade(suite, checks, gradesAnswers, letters, "refusal", "\"" + REFUSAL + "\"", REFUSAL));
        baselines.add(new Grading(suite, checks, gradesAnswers, Task::prompt, task -> 0.0)
                .result("echo", "the prompt, repeated back", null));
        String common = mostCommonAnswer(suite);
        if (common != null) {
            baselines.add(grade(suite, checks, gradesAnswers, letters, "constant",
                    "\"" + common + "\" (the most common answer) for every task", common));
        }
        for (char letter : letters.all()) {
            String reply = String.valueOf(letter);
            baselines.add(new Grading(suite, checks, gradesAnswers.and(letters::isChoice), task -> reply,
                    task -> letters.chance(task, reply))
                    .result("letter-" + letter, "\"" + letter + "\" for every choice task", reply));
        }
        // Checks that grade an environment's end state, not an answer, have no answer baselines.
        return baselines.stream().filter(b -> b.tasks() > 0).toList();
    }

    /** The scores by strategy name, as {@code assay run --baselines} records them. */
    public static Map<String, Double> scores(Suite suite, Function<Task, RewardCheck> checks) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Baseline baseline : measure(suite, checks)) {
            scores.put(baseline.strategy(), baseline.score());
        }
        return scores;
    }

    private static Baseline grade(Suite suite, Function<Task, RewardCheck> checks, Predicate<Task> gradesAnswers,
                                  ChoiceLetters letters, String strategy, String description, String reply) {
        return new Grading(suite, checks, gradesAnswers, task -> reply, task -> letters.chance(task, reply))
                .result(strategy, description, reply);
    }

    /** One strategy graded on the tasks it applies to. */
    private record Grading(Suite suite, Function<Task, RewardCheck> checks, Predicate<Task> appliesTo,
                           Function<Task, String> reply, Function<Task, Double> chance) {

        Baseline result(String strategy, String description, String fixedReply) {
            double total = 0;
            double chances = 0;
            int tasks = 0;
            List<String> passed = new ArrayList<>();
            Map<String, String> explanations = new LinkedHashMap<>();
            for (Task task : suite.tasks()) {
                if (!appliesTo.test(task)) {
                    continue;
                }
                tasks++;
                chances += chance.apply(task);
                Optional<RewardResult> result = ReferenceAnswers.grade(checks.apply(task), task, reply.apply(task));
                if (result.isEmpty()) {
                    continue; // The ground-truth probe reports graders that throw.
                }
                total += result.get().score();
                if (result.get().passed()) {
                    passed.add(task.id());
                    explanations.put(task.id(), result.get().explanation());
                }
            }
            return new Baseline(strategy, description, fixedReply, tasks == 0 ? 0.0 : total / tasks,
                    tasks == 0 ? 0.0 : chances / tasks, tasks, List.copyOf(passed), Map.copyOf(explanations));
        }
    }

    /** The reference answer shared by most tasks, or {@code null} when no answer repeats. */
    private static String mostCommonAnswer(Suite suite) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 1;
        for (Task task : suite.tasks()) {
            String answer = ReferenceAnswers.text(task);
            int count = counts.merge(answer, 1, Integer::sum);
            if (count > bestCount) {
                best = answer;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * The options of the suite's choice tasks: those its prompt labels ("A) ...", "(B) ...") that
     * the check accepts; else those a spec names in {@code letters}; else the letters the answers
     * of such tasks use (the default A-J would put chance at 10% for four-option questions). The
     * prompt comes first because a key that never uses D still offers four options: judged by its
     * own letters, "always A" on a key of A and B only would look like 50% chance.
     */
    private record ChoiceLetters(Suite suite, Set<Character> inferred, Map<Task, Set<Character>> offered) {

        static ChoiceLetters of(Suite suite) {
            Set<Character> inferred = new TreeSet<>();
            Map<Task, Set<Character>> offered = new IdentityHashMap<>();
            for (Task task : suite.tasks()) {
                Options spec = suite.rewardFor(task);
                if (!ReferenceAnswers.isChoice(spec)) {
                    continue;
                }
                Set<Character> labelled = new TreeSet<>(PromptOptions.letters(task.prompt()));
                labelled.retainAll(ReferenceAnswers.choiceLetters(spec));
                if (labelled.size() >= 2) {
                    offered.put(task, labelled);
                }
                if (!spec.has("letters")) {
                    String answer = ReferenceAnswers.text(task).trim().toUpperCase(Locale.ROOT);
                    if (answer.length() == 1 && Character.isLetter(answer.charAt(0))) {
                        inferred.add(answer.charAt(0));
                    }
                }
            }
            return new ChoiceLetters(suite, inferred, offered);
        }

        boolean isChoice(Task task) {
            return ReferenceAnswers.isChoice(suite.rewardFor(task));
        }

        Set<Character> of(Task task) {
            Set<Character> labelled = offered.get(task);
            if (labelled != null) {
                return labelled;
            }
            Options spec = suite.rewardFor(task);
            return spec.has("letters") || inferred.isEmpty() ? ReferenceAnswers.choiceLetters(spec) : inferred;
        }

        /** Every letter some choice task offers, in order. */
        Set<Character> all() {
            Set<Character> all = new TreeSet<>();
            suite.tasks().stream().filter(this::isChoice).forEach(task -> all.addAll(of(task)));
            return all;
        }

        /** How often guessing {@code reply} passes {@code task}: 1/options if it is one of its letters, else 0. */
        double chance(Task task, String reply) {
            if (!isChoice(task) || reply.strip().length() != 1) {
                return 0.0;
            }
            Set<Character> options = of(task);
            return options.contains(Character.toUpperCase(reply.strip().charAt(0))) ? 1.0 / options.size() : 0.0;
        }
    }
}
