package io.assay.core.audit;

import io.assay.spi.AgentOutput;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What trivial strategies score on a suite (ABC T.10, R.13): an empty answer, a refusal, an echo
 * of the prompt, the suite's most common answer for every task, and each choice letter for every
 * task. A published score means little until it is read against these.
 */
public final class TrivialBaselines {
    static final String REFUSAL = "I don't know.";

    private TrivialBaselines() {
    }

    /**
     * One trivial strategy's result.
     *
     * @param strategy its name: {@code empty}, {@code refusal}, {@code echo}, {@code constant} or {@code letter-X}
     * @param description what it answers, for people
     * @param score mean reward over all tasks
     * @param chance what guessing scores: 1/letters for a letter on choice tasks, else 0
     * @param passed the ids of the tasks it passes
     */
    public record Baseline(String strategy, String description, double score, double chance, List<String> passed) {
    }

    /** Grades every strategy on every task; a grader that throws counts as no reward. */
    public static List<Baseline> measure(Suite suite, Function<Task, RewardCheck> checks) {
        List<Baseline> baselines = new ArrayList<>();
        baselines.add(grade(suite, checks, "empty", "an empty answer", task -> "", 0.0));
        baselines.add(grade(suite, checks, "refusal", "\"" + REFUSAL + "\"", task -> REFUSAL, 0.0));
        baselines.add(grade(suite, checks, "echo", "the prompt, repeated back", Task::prompt, 0.0));
        String common = mostCommonAnswer(suite);
        if (common != null) {
            baselines.add(grade(suite, checks, "constant", "\"" + common + "\" (the most common answer) for every task",
                    task -> common, 0.0));
        }
        Set<Character> letters = choiceLetters(suite);
        for (char letter : letters) {
            baselines.add(grade(suite, checks, "letter-" + letter, "\"" + letter + "\" for every choice task",
                    task -> String.valueOf(letter), 1.0 / letters.size()));
        }
        return baselines;
    }

    /** The scores by strategy name, as {@code assay run --baselines} records them. */
    public static Map<String, Double> scores(Suite suite, Function<Task, RewardCheck> checks) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Baseline baseline : measure(suite, checks)) {
            scores.put(baseline.strategy(), baseline.score());
        }
        return scores;
    }

    private static Baseline grade(Suite suite, Function<Task, RewardCheck> checks, String strategy, String description,
                                  Function<Task, String> answer, double chance) {
        double total = 0;
        List<String> passed = new ArrayList<>();
        for (Task task : suite.tasks()) {
            RewardResult result;
            try {
                result = checks.apply(task).check(task, AgentOutput.of(answer.apply(task)));
            } catch (RuntimeException graderBug) {
                continue; // The ground-truth probe reports graders that throw.
            }
            total += result.score();
            if (result.passed()) {
                passed.add(task.id());
            }
        }
        double score = suite.tasks().isEmpty() ? 0.0 : total / suite.tasks().size();
        return new Baseline(strategy, description, score, chance, List.copyOf(passed));
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
     * The letters of the suite's choice tasks: those a spec names in {@code letters}, else the
     * letters its answers use (the default A-J would put chance at 10% for four-option questions).
     */
    private static Set<Character> choiceLetters(Suite suite) {
        Set<Character> letters = new TreeSet<>();
        for (Task task : suite.tasks()) {
            Options spec = suite.rewardFor(task);
            if (!ReferenceAnswers.isChoice(spec)) {
                continue;
            }
            if (spec.has("letters")) {
                letters.addAll(ReferenceAnswers.choiceLetters(spec));
            } else {
                String answer = ReferenceAnswers.text(task).trim().toUpperCase(Locale.ROOT);
                if (answer.length() == 1 && Character.isLetter(answer.charAt(0))) {
                    letters.add(answer.charAt(0));
                }
            }
        }
        return letters;
    }
}
