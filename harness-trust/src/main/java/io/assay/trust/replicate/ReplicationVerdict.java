package io.assay.trust.replicate;

import io.assay.launcher.InputException;
import io.assay.launcher.RunReport;
import io.assay.launcher.ScoreStatistics;
import io.assay.rank.RunTasks;
import io.assay.rank.compare.PairedFigures;
import io.assay.rank.compare.PairedTask;
import io.assay.rank.compare.RunComparison;
import io.assay.trust.identity.RunIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Whether a replication bears the claim out on the sampled tasks. Each task scored in both runs is
 * paired (epochs averaged within a task, as {@code assay compare} pairs them), and the paired
 * difference is tested against "the replication performs as the claim says", two-sided:
 * <ul>
 *   <li>pass/fail tasks (one scored trial each side, scoring 0 or 1): McNemar's exact test on the
 *       tasks that passed in one run only;</li>
 *   <li>otherwise, the paired t-test on the per-task means; when every task differs by the same
 *       amount the t-test is undefined, and the exact sign test on the tasks that differ stands in.</li>
 * </ul>
 * The claim is {@code inconsistent} when {@code pValue < alpha}, the replication's alpha. Otherwise it
 * is {@code consistent}, unless even the most extreme outcome these tasks could have (every task
 * disagreeing one way) would not reach {@code p < alpha} under the test used: then the sample could
 * not have found the claim inconsistent whatever happened, and the verdict is {@code inconclusive}.
 * With pass/fail tasks that takes {@link #smallestDecisiveSample(double)} tasks: six at the 0.05 level.
 *
 * <pre>{@code
 * ReplicationVerdict verdict = ReplicationVerdict.of(plan, result.directory());
 * verdict.outcome();   // CONSISTENT, INCONSISTENT or INCONCLUSIVE
 * }</pre>
 *
 * @param replication the plan: claim, suite, sample and settings
 * @param directory the replication's run directory
 * @param test the test the p-value comes from
 * @param pValue the probability of a difference at least this large if the claim were true
 * @param claimed the claimed run's per-task means on the paired tasks
 * @param replicated the replication's per-task means on them, with the 95% interval
 * @param minimumDetectable the smallest mean difference these tasks detect with 80% power at the 0.05 level
 *     (as {@code assay compare} computes it), {@code null} when the differences do not vary: a consistent
 *     verdict says no more than this
 * @param tasks each paired task, in task order
 * @param notScored sampled tasks not scored in both runs (only errors), left out of every figure
 * @param varyingEpochs sampled tasks whose epochs scored differently in the claimed run itself
 * @param identity how the replication's served model and fingerprints differ from the claim's, one sentence each
 */
public record ReplicationVerdict(Replication replication, Path directory, Test test, double pValue,
                                 ScoreStatistics claimed, ScoreStatistics replicated, Double minimumDetectable,
                                 List<TaskAgreement> tasks,
                                 List<String> notScored, List<String> varyingEpochs, List<String> identity) {

    /** The test a p-value comes from. */
    public enum Test {
        MCNEMAR("mcnemar", "McNemar's exact test"),
        PAIRED_T("paired_t", "Paired t-test"),
        SIGN("sign", "Exact sign test");

        private final String id;
        private final String label;

        Test(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The name in JSON. */
        public String id() {
            return id;
        }

        /** The name for people. */
        public String label() {
            return label;
        }
    }

    /** What the replication says of the claim. */
    public enum Outcome {
        CONSISTENT("consistent"), INCONSISTENT("inconsistent"), INCONCLUSIVE("inconclusive");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The name for people and in JSON. */
        public String label() {
            return label;
        }
    }

    /**
     * One sampled task in both runs.
     *
     * @param claimed the claimed run's mean score over its epochs
     * @param replicated the replication's mean score over its epochs
     * @param agree whether both runs passed it, or both failed it (by majority of epochs, as {@code compare} counts a pass)
     */
    public record TaskAgreement(String task, double claimed, double replicated, boolean agree) {
    }

    /**
     * Judges the replication in {@code directory} against the claim.
     *
     * @throws InputException when no sampled task was scored in both runs
     */
    public static ReplicationVerdict of(Replication replication, Path directory) {
        RunTasks claim = replication.claim().run();
        List<String> sample = replication.sample().tasks();
        Set<String> sampled = Set.copyOf(sample);
        List<PairedTask> pairs = RunComparison.of(claim, RunTasks.read(directory)).pairs().stream()
                .filter(pair -> sampled.contains(pair.task())).toList();
        List<String> notScored = sample.stream().filter(task -> pairs.stream().noneMatch(pair -> pair.task().equals(task))).toList();
        if (pairs.isEmpty()) {
            throw new InputException("no sampled task was scored in both " + claim.directory() + " and " + directory
                    + " (" + String.join(", ", notScored) + " ended only in harness or judge errors in one run or both)",
                    "see `error` in the trials.jsonl of each run");
        }
        PairedFigures figures = PairedFigures.of(pairs);
        Test test = pairs.stream().allMatch(ReplicationVerdict::passOrFail) ? Test.MCNEMAR
                : figures.pValue() != null ? Test.PAIRED_T : Test.SIGN;
        double pValue = switch (test) {
            case MCNEMAR -> figures.mcnemarPValue();
            case PAIRED_T -> figures.pValue();
            case SIGN -> PairedFigures.mcnemarPValue(
                    (int) pairs.stream().filter(pair -> pair.a().meanScore() > pair.b().meanScore()).count(),
                    (int) pairs.stream().filter(pair -> pair.b().meanScore() > pair.a().meanScore()).count());
        };
        List<TaskAgreement> tasks = pairs.stream().map(pair -> new TaskAgreement(pair.task(), pair.a().meanScore(),
                pair.b().meanScore(), pair.passedInA() == pair.passedInB())).toList();
        List<String> identity = RunIdentity.of(RunReport.of(claim.directory()))
                .differences(RunIdentity.of(RunReport.of(directory)));
        return new ReplicationVerdict(replication, directory, test, pValue,
                ScoreStatistics.of(tasks.stream().map(TaskAgreement::claimed).toList()),
                ScoreStatistics.of(tasks.stream().map(TaskAgreement::replicated).toList()), figures.minimumDetectable(),
                tasks, notScored,
                VaryingEpochs.of(claim.directory(), sample), identity);
    }

    /**
     * Inconsistent when the difference is less likely than {@code alpha} under the claim; inconclusive
     * when no outcome of these tasks could have been; consistent otherwise.
     */
    public Outcome outcome() {
        if (pValue < replication.alpha()) {
            return Outcome.INCONSISTENT;
        }
        return mostExtremePValue() >= replication.alpha() ? Outcome.INCONCLUSIVE : Outcome.CONSISTENT;
    }

    /**
     * The smallest p-value the test used could give on these many tasks: every task disagreeing the
     * same way, {@code 2 x 0.5^n} for McNemar's and the sign test; 0 for the t-test, whose p-value
     * falls without bound as the differences agree more closely.
     */
    public double mostExtremePValue() {
        return test == Test.PAIRED_T ? 0.0 : PairedFigures.mcnemarPValue(0, tasks.size());
    }

    /**
     * The fewest tasks on which the test used could find the claim inconsistent at the replication's
     * alpha: two for the t-test (it needs two), {@link #smallestDecisiveSample(double)} otherwise.
     */
    public int decisiveSample() {
        return test == Test.PAIRED_T ? 2 : smallestDecisiveSample(replication.alpha());
    }

    /**
     * The fewest pass/fail tasks whose most extreme outcome reaches {@code p < alpha} with McNemar's
     * exact test (and the sign test): the smallest n with {@code 2 x 0.5^n < alpha}.
     *
     * <pre>{@code
     * ReplicationVerdict.smallestDecisiveSample(0.05);   // 6: 2 x 0.5^5 = 0.0625, 2 x 0.5^6 = 0.031
     * }</pre>
     */
    public static int smallestDecisiveSample(double alpha) {
        int tasks = 1;
        while (PairedFigures.mcnemarPValue(0, tasks) >= alpha) {
            tasks++;
        }
        return tasks;
    }

    /** The tasks one run passed and the other failed, in task order. */
    public List<String> disagreeing() {
        return tasks.stream().filter(task -> !task.agree()).map(TaskAgreement::task).toList();
    }

    /** One scored trial each side, scoring exactly 0 or 1: the task is a single pass or fail in both runs. */
    private static boolean passOrFail(PairedTask pair) {
        return single(pair.a()) && single(pair.b());
    }

    private static boolean single(RunTasks.TaskResult result) {
        return result.scored() == 1 && result.scoreSum() == result.passed();
    }
}
