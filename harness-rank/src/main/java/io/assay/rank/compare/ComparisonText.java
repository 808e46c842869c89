package io.assay.rank.compare;

import io.assay.kit.Plural;
import io.assay.rank.RunTasks;
import java.util.List;
import java.util.Locale;

/**
 * A comparison for people: plain text for the terminal, or Markdown to paste into a report. Both
 * state the same figures, each with its uncertainty: an interval for the difference, a p-value for
 * each test, and the smallest difference the tasks could have detected.
 */
public final class ComparisonText {

    private ComparisonText() {
    }

    /** Plain text, one figure a line, segments in aligned rows. */
    public static String text(RunComparison comparison) {
        PairedFigures overall = comparison.overall();
        StringBuilder out = new StringBuilder();
        out.append("Compare a = ").append(name(comparison.a())).append(" with b = ").append(name(comparison.b())).append('\n');
        out.append("Suite: ").append(comparison.a().suiteLabel()).append('\n');
        out.append("Tasks: ").append(Plural.of(overall.tasks(), "task")).append(" paired; excluded ").append(excluded(comparison)).append('\n');
        out.append("Difference b - a: ").append(difference(overall)).append('\n');
        out.append("Paired t-test: p = ").append(pValue(overall.pValue())).append('\n');
        out.append("Flipped: ").append(overall.aOnly().size()).append(" pass only in a, ").append(overall.bOnly().size())
                .append(" only in b; McNemar exact p = ").append(pValue(overall.mcnemarPValue())).append('\n');
        out.append("  a only: ").append(tasks(overall.aOnly())).append('\n');
        out.append("  b only: ").append(tasks(overall.bOnly())).append('\n');
        out.append("Smallest detectable difference (80% power, 0.05 level): ").append(plain(overall.minimumDetectable())).append('\n');
        if (!comparison.segments().isEmpty()) {
            out.append("\nSegments (b - a [95% CI], t-test p, flips a/b with McNemar p, detectable):\n");
            for (RunComparison.Segment segment : comparison.segments()) {
                PairedFigures f = segment.figures();
                out.append(String.format(Locale.ROOT, "  %-24s %9s  %-30s p = %-7s flips %d/%d p = %-7s detectable %s%s%n",
                        segment.key() + "=" + segment.value(), Plural.of(f.tasks(), "task"), difference(f), pValue(f.pValue()), f.aOnly().size(),
                        f.bOnly().size(), pValue(f.mcnemarPValue()), plain(f.minimumDetectable()), fewTasks(segment)));
            }
        }
        return out.toString();
    }

    /** Markdown: a heading, the overall figures as a list, and the segments as a table. */
    public static String markdown(RunComparison comparison) {
        PairedFigures overall = comparison.overall();
        StringBuilder out = new StringBuilder();
        out.append("## b = ").append(name(comparison.b())).append(" against a = ").append(name(comparison.a())).append("\n\n");
        out.append("Suite `").append(comparison.a().suiteLabel()).append("`; ").append(Plural.of(overall.tasks(), "task"))
                .append(" paired, excluded ").append(excluded(comparison)).append(".\n\n");
        out.append("- **Difference b - a:** ").append(difference(overall)).append('\n');
        out.append("- **Paired t-test:** p = ").append(pValue(overall.pValue())).append('\n');
        out.append("- **Flipped:** ").append(overall.aOnly().size()).append(" pass only in a (").append(tasks(overall.aOnly()))
                .append("), ").append(overall.bOnly().size()).append(" only in b (").append(tasks(overall.bOnly()))
                .append("); McNemar exact p = ").append(pValue(overall.mcnemarPValue())).append('\n');
        out.append("- **Smallest detectable difference** (80% power, 0.05 level): ").append(plain(overall.minimumDetectable())).append('\n');
        if (!comparison.segments().isEmpty()) {
            out.append("\n| segment | tasks | b - a [95% CI] | t-test p | pass only in a / b | McNemar p | detectable |\n");
            out.append("|---|---:|---|---:|---:|---:|---:|\n");
            for (RunComparison.Segment segment : comparison.segments()) {
                PairedFigures f = segment.figures();
                out.append("| ").append(segment.key()).append('=').append(segment.value()).append(fewTasks(segment)).append(" | ")
                        .append(f.tasks()).append(" | ").append(difference(f)).append(" | ").append(pValue(f.pValue()))
                        .append(" | ").append(f.aOnly().size()).append(" / ").append(f.bOnly().size()).append(" | ")
                        .append(pValue(f.mcnemarPValue())).append(" | ").append(plain(f.minimumDetectable())).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String name(RunTasks run) {
        return run.directory() + " (" + run.manifest().agent().name() + (run.model() != null ? ", " + run.model() : "") + ")";
    }

    private static String excluded(RunComparison comparison) {
        return comparison.onlyInA() + " only in a, " + comparison.onlyInB() + " only in b, " + comparison.unscored() + " unscored";
    }

    /** {@code +0.250 [95% CI -0.100, +0.600]}; no interval with one task, no figure with none. */
    static String difference(PairedFigures figures) {
        Double mean = figures.difference().mean();
        if (mean == null) {
            return "none (no task scored in both runs)";
        }
        double[] ci = figures.difference().ci95();
        return signed(mean) + (ci == null ? " [no interval from one task]" : " [95% CI " + signed(ci[0]) + ", " + signed(ci[1]) + "]");
    }

    /** A p-value as the rankings print it: three decimals, {@code <0.001} below that, {@code n/a} for none. */
    public static String pValue(Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }

    private static String plain(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String tasks(List<String> tasks) {
        return tasks.isEmpty() ? "none" : String.join(", ", tasks);
    }

    private static String fewTasks(RunComparison.Segment segment) {
        return segment.fewTasks() ? " (few tasks)" : "";
    }
}
