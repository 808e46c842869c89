package io.assay.trust.replicate;

import io.assay.kit.Plural;
import io.assay.launcher.ScoreStatistics;
import io.assay.rank.RunTasks;
import io.assay.rank.compare.ComparisonText;
import java.util.List;
import java.util.Locale;

/**
 * A verdict for people: the claim and the replication, the two scores on the sampled tasks, the
 * tasks that disagree, the test with its p-value, and the verdict. Model identity differences are
 * not here: the command prints them as warnings.
 */
public final class ReplicationText {

    private ReplicationText() {
    }

    /** Plain text, one figure a line. */
    public static String text(ReplicationVerdict verdict) {
        Replication replication = verdict.replication();
        RunTasks claim = replication.claim().run();
        StringBuilder out = new StringBuilder();
        out.append("Claim: ").append(replication.claim().source()).append(" (run ").append(replication.claim().runId())
                .append(", agent ").append(claim.manifest().agent().name()).append(") on ").append(claim.suiteLabel()).append('\n');
        out.append("Replication: ").append(verdict.directory()).append(" (agent ").append(replication.settings().agent())
                .append(")\n");
        out.append("Sample: ").append(replication.sample().tasks().size()).append(" of ")
                .append(Plural.of(claim.tasks().size(), "task")).append(", seed ").append(replication.sample().seed()).append('\n');
        out.append("Claimed:    ").append(score(verdict.claimed().mean())).append(" on the sampled tasks (")
                .append(score(claim.summary().score().mean())).append(" over the run's ").append(Plural.of(claim.tasks().size(), "task"))
                .append(")\n");
        out.append("Replicated: ").append(withInterval(verdict.replicated())).append('\n');
        out.append("Agreement:  ").append(verdict.tasks().size() - verdict.disagreeing().size()).append(" of ")
                .append(Plural.of(verdict.tasks().size(), "task")).append(" agree (pass or fail alike)\n");
        for (ReplicationVerdict.TaskAgreement task : verdict.tasks()) {
            if (!task.agree()) {
                out.append(String.format(Locale.ROOT, "  disagree: %s (claimed %.3f, replicated %.3f)%n", task.task(),
                        task.claimed(), task.replicated()));
            }
        }
        note(out, "Not scored in both runs, left out: ", verdict.notScored());
        note(out, "Note: the claimed run's own epochs scored differently on ", verdict.varyingEpochs());
        out.append(verdict.test().label()).append(": p = ").append(ComparisonText.pValue(verdict.pValue())).append(" (alpha ")
                .append(verdict.replication().alpha()).append(")\n");
        out.append("Smallest detectable difference (80% power, 0.05 level): ")
                .append(verdict.minimumDetectable() == null ? "n/a (the differences do not vary)" : score(verdict.minimumDetectable()))
                .append('\n');
        out.append("Verdict: ").append(verdict(verdict)).append('\n');
        return out.toString();
    }

    /** The verdict line's words; an inconclusive one says why and what sample could decide. */
    private static String verdict(ReplicationVerdict verdict) {
        return switch (verdict.outcome()) {
            case CONSISTENT -> "consistent with the claim";
            case INCONSISTENT -> "inconsistent with the claim";
            case INCONCLUSIVE -> "inconclusive: no outcome of " + Plural.of(verdict.tasks().size(), "task") + " could reach p < "
                    + verdict.replication().alpha() + " with " + verdict.test().label() + " (every task disagreeing one way gives p = "
                    + ComparisonText.pValue(verdict.mostExtremePValue()) + "), so this sample could not find the claim inconsistent;"
                    + " a sample of " + verdict.decisiveSample() + " or more tasks could";
        };
    }

    private static void note(StringBuilder out, String what, List<String> tasks) {
        if (!tasks.isEmpty()) {
            out.append(what).append(String.join(", ", tasks)).append('\n');
        }
    }

    private static String withInterval(ScoreStatistics statistics) {
        double[] ci = statistics.ci95();
        return score(statistics.mean()) + (ci == null ? " [no interval from one task]"
                : String.format(Locale.ROOT, " [95%% CI %.3f, %.3f]", ci[0], ci[1]));
    }

    private static String score(Double mean) {
        return mean == null ? "n/a" : String.format(Locale.ROOT, "%.3f", mean);
    }
}
