package io.assay.core.audit.probes;

import io.assay.kit.Plural;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Suite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks what a published score needs beside it (suite-level findings): the capability it claims
 * to measure (ABC R.5), a contamination canary (R.3), and how wide its confidence interval is on
 * this many tasks (R.10). Trivial-agent baselines (R.13) are the trivial-agents probe's.
 */
public final class ReportingProbe implements AuditProbe {
    /** The normal quantile of a two-sided 95% interval. */
    private static final double Z95 = 1.96;

    @Override
    public String name() {
        return "reporting";
    }

    @Override
    public String description() {
        return "the suite states what it measures, carries a canary, and how precise its scores are";
    }

    @Override
    public List<String> covers() {
        return List.of("R.3", "R.5", "R.10");
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        Suite suite = context.suite();
        List<Finding> findings = new ArrayList<>();
        if (suite.measures().isBlank()) {
            findings.add(new Finding(name(), List.of("R.5"), Finding.Severity.WARNING, null,
                    "The suite does not say what capability its score measures, so readers will assume more than "
                            + "it shows. Fix: add measures: to suite.yaml, saying what a score means and what it does not.",
                    Map.of("measures", suite.measures())));
        }
        if (suite.canary() == null || suite.canary().isBlank()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("canary", suite.canary());
            findings.add(new Finding(name(), List.of("R.3"), Finding.Severity.WARNING, null,
                    "The suite has no canary, so nobody can search a model's training data or output for its "
                            + "tasks. Fix: add canary: \"assay-canary:\" followed by a fresh UUID to suite.yaml "
                            + "and publish it with the tasks.",
                    evidence));
        }
        int tasks = suite.tasks().size();
        if (tasks > 0) {
            findings.add(precision(tasks));
        }
        return findings;
    }

    /**
     * The 95% interval of a pass rate near 50% (where it is widest), by the normal approximation,
     * and the smallest gap between two agents' independent scores that exceeds its noise.
     */
    private Finding precision(int tasks) {
        double halfWidth = Z95 * Math.sqrt(0.25 / tasks);
        double difference = halfWidth * Math.sqrt(2);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("tasks", tasks);
        evidence.put("ci95_half_width", round(halfWidth));
        evidence.put("min_detectable_difference", round(difference));
        return new Finding(name(), List.of("R.10"), Finding.Severity.INFO, null,
                "With " + Plural.of(tasks, "task") + ", a score near 50% is only known to within ±"
                        + points(halfWidth) + " percentage points (95% confidence interval), and two agents' scores must differ by more "
                        + "than " + points(difference) + " points before the difference is more than noise. Report "
                        + "the interval with every score; to halve it, use four times as many tasks.",
                evidence);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String points(double fraction) {
        return String.format(Locale.ROOT, "%.1f", fraction * 100);
    }
}
