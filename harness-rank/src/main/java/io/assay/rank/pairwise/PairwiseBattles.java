package io.assay.rank.pairwise;

import io.assay.kit.Parallel;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.RunReport;
import io.assay.rank.RunTasks;
import io.assay.rank.arena.Battle;
import io.assay.spi.Outcome;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Battles between the recorded answers of two runs of one suite, as {@code assay arena --pairwise}
 * makes them: for every task and epoch both runs answered, a judge is asked twice, the answers in
 * order and then swapped, and only an answer picked both times wins; when the two calls disagree
 * the battle is a tie, so a judge's bias for a position cancels instead of deciding.
 *
 * <pre>{@code
 * PairwiseBattles.Result result = PairwiseBattles.judge(Path.of("runs/a"), Path.of("runs/b"), judge, Assay.open(List.of()));
 * result.battles();   // one per task and epoch both runs answered: "q1#0", ...
 * }</pre>
 */
public final class PairwiseBattles {
    /** Judge calls in flight at once; the model's own limits (max_concurrent, ...) still apply beneath. */
    private static final int AT_ONCE = 8;

    /**
     * @param battles in the suite's task order, then by epoch
     * @param warnings the task epochs left out, each with why (the judge replied outside its format)
     */
    public record Result(List<Battle> battles, List<String> warnings) {
    }

    private record Pair(String id, String prompt, TrialRecord a, TrialRecord b) {
    }

    private record Judged(Battle battle, String warning) {
    }

    /** The two runs' names on the board. */
    private record Models(String a, String b) {
    }

    private PairwiseBattles() {
    }

    /**
     * Judges the answers of the runs at {@code runA} and {@code runB}.
     *
     * @param assay the engine that loads their suite, for the task prompts: with the plugins the runs had
     * @throws InputException when either is not a run, they graded different suites, the suite cannot
     *     be loaded or changed since, or no task epoch was answered in both
     */
    public static Result judge(Path runA, Path runB, PairwiseJudge judge, Assay assay) throws InterruptedException {
        RunTasks a = RunTasks.read(runA);
        RunTasks b = RunTasks.read(runB);
        a.requireSameSuite(b);
        Models models = models(a, b);
        Map<String, TrialRecord> answersB = answers(runB);
        Map<String, String> prompts = prompts(a.manifest(), runA, assay);
        List<Pair> pairs = new ArrayList<>();
        answers(runA).forEach((id, trial) -> {
            if (answersB.containsKey(id)) {
                pairs.add(new Pair(id, prompts.get(trial.task()), trial, answersB.get(id)));
            }
        });
        // Trials are recorded as they finish; the suite's order makes the same runs give the same file.
        Map<String, Integer> position = new HashMap<>();
        prompts.keySet().forEach(task -> position.put(task, position.size()));
        pairs.sort(Comparator.comparingInt((Pair pair) -> position.getOrDefault(pair.a().task(), Integer.MAX_VALUE))
                .thenComparingInt(pair -> pair.a().epoch()));
        if (pairs.isEmpty()) {
            throw new InputException("no task epoch was answered in both " + runA + " and " + runB);
        }
        List<Judged> judged = Parallel.map(pairs, AT_ONCE, pair -> battle(pair, models, judge));
        return new Result(judged.stream().filter(one -> one.battle() != null).map(Judged::battle).toList(),
                judged.stream().filter(one -> one.warning() != null).map(Judged::warning).toList());
    }

    /** Both orders' picks made one: the same answer picked twice wins, anything else is a tie but two "both bad". */
    static Battle.Winner winner(Pick inOrder, Pick swapped) {
        if (inOrder != swapped.swapped()) {
            return Battle.Winner.TIE;
        }
        return switch (inOrder) {
            case FIRST -> Battle.Winner.A;
            case SECOND -> Battle.Winner.B;
            case TIE -> Battle.Winner.TIE;
            case BOTH_BAD -> Battle.Winner.BOTH_BAD;
        };
    }

    private static Judged battle(Pair pair, Models models, PairwiseJudge judge) throws InterruptedException {
        String answerA = pair.a().output().answer();
        String answerB = pair.b().output().answer();
        Pick inOrder;
        Pick swapped;
        try {
            inOrder = judge.compare(pair.prompt(), answerA, answerB);
            swapped = judge.compare(pair.prompt(), answerB, answerA);
        } catch (IllegalArgumentException e) {
            return new Judged(null, pair.id() + ": left out, judge " + judge.id() + " replied outside its format: " + e.getMessage());
        }
        AnswerStyle styleA = AnswerStyle.of(answerA);
        AnswerStyle styleB = AnswerStyle.of(answerB);
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("tokens_a", (double) styleA.tokens());
        features.put("tokens_b", (double) styleB.tokens());
        features.put("markdown_a", (double) styleA.markdown());
        features.put("markdown_b", (double) styleB.markdown());
        features.put("latency_ms_a", (double) pair.a().agentTime().toMillis());
        features.put("latency_ms_b", (double) pair.b().agentTime().toMillis());
        return new Judged(new Battle(pair.id(), models.a(), models.b(), winner(inOrder, swapped), Map.of("judge", judge.id()),
                features), null);
    }

    /**
     * Each run's answers by {@code TASK#epoch}, the last recorded attempt of each; a harness error is
     * left out, since the agent gave no answer of its own.
     */
    private static Map<String, TrialRecord> answers(Path run) {
        Map<String, TrialRecord> answers = new LinkedHashMap<>();
        RunReport.of(run).forEachTrial(trial -> {
            if (trial.outcome() != Outcome.HARNESS_ERROR) {
                answers.put(trial.task() + "#" + trial.epoch(), trial);
            }
        });
        return answers;
    }

    /** The runs' entries: the agent, with its model when it has one; the run directories' names tell apart equal ones. */
    private static Models models(RunTasks a, RunTasks b) {
        String labelA = label(a);
        String labelB = label(b);
        if (labelA.equals(labelB)) {
            labelA += " (" + a.directory().getFileName() + ")";
            labelB += " (" + b.directory().getFileName() + ")";
        }
        if (labelA.equals(labelB)) {
            throw new InputException("both runs are " + labelA + "; give two different runs");
        }
        return new Models(labelA, labelB);
    }

    private static String label(RunTasks run) {
        return run.manifest().agent().name() + (run.model() != null ? ":" + run.model() : "");
    }

    /** The prompts of the suite the run graded, which must not have changed since. */
    private static Map<String, String> prompts(Manifest manifest, Path run, Assay assay) {
        Path directory = Path.of(manifest.suite().path());
        if (manifest.workingDirectory() != null) {
            directory = Path.of(manifest.workingDirectory()).resolve(directory);
        }
        Suite suite;
        try {
            suite = assay.loadSuite(directory, null);
        } catch (RuntimeException e) {
            throw new InputException("cannot load suite " + directory + " of " + run + " for the task prompts: "
                    + e.getMessage().lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
        if (!suite.contentHash().equals(manifest.suite().contentHash())) {
            throw new InputException("suite " + directory + " changed since " + run + " graded it ("
                    + manifest.suite().contentHash() + ", now " + suite.contentHash() + "); the prompts would not be the ones answered");
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        for (Task task : suite.tasks()) {
            prompts.put(task.id(), task.prompt());
        }
        return prompts;
    }
}
