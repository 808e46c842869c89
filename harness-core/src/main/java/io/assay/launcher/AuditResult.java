package io.assay.launcher;

import io.assay.core.audit.AuditFormats;
import io.assay.core.audit.AuditReport;
import io.assay.spi.Finding;

/**
 * What {@code assay audit} found, rendered for people ({@link #text}), machines ({@link #json}) or
 * publication ({@link #markdown}); docs/audit.md describes each format.
 *
 * <pre>{@code
 * AuditResult audit = assay.audit(Path.of("examples/multiple-choice"), new AuditSettings(3, Duration.ofMinutes(5), List.of()), probe -> { });
 * System.out.print(audit.text());
 * }</pre>
 */
public final class AuditResult {
    private final AuditReport report;

    AuditResult(AuditReport report) {
        this.report = report;
    }

    public String text() {
        return AuditFormats.text(report);
    }

    /** The JSON contract of {@link AuditFormats#json}, indented. */
    public String json() throws Exception {
        return AuditFormats.json(report);
    }

    /** A publishable ABC report card. */
    public String markdown() {
        return AuditFormats.markdown(report);
    }

    /** Whether any finding is at least as severe as {@code threshold}. */
    public boolean hasFindingsAtLeast(Finding.Severity threshold) {
        return report.hasFindingsAtLeast(threshold);
    }
}
