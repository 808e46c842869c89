package io.assay.core.audit;

import io.assay.spi.Finding;
import java.util.List;
import java.util.Map;

/**
 * What {@code assay audit} found. Serialised as JSON with exactly this top level:
 * {@code {"suite": ID, "findings": [...], "summary": {...}}}.
 *
 * @param suite the suite id
 * @param findings every finding, errors first, then by probe and task
 * @param summary counts by severity and probe, the probes run, the tasks audited and the trivial baselines
 */
public record AuditReport(String suite, List<Finding> findings, Map<String, Object> summary) {

    /** Whether any finding is at least as severe as {@code threshold}. */
    public boolean hasFindingsAtLeast(Finding.Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) <= 0);
    }
}
