package io.assay.core.audit;

import io.assay.spi.Finding;
import java.util.List;
import java.util.Map;

/**
 * What {@code assay audit} found. Serialised as JSON with exactly this top level:
 * {@code {"suite": ID, "findings": [...], "checklist": [...], "summary": {...}}} (see {@link AuditFormats#json}).
 *
 * @param suite the suite id
 * @param findings every finding, one per task, errors first, then by probe and task; the report
 *                 shows them {@link #groups() grouped by cause}
 * @param checklist every checklist item, in the checklist's order, with its status
 * @param summary counts of (grouped) findings by severity and probe, the probes that applied and
 *                why the others did not, the tasks audited and the trivial baselines
 */
public record AuditReport(String suite, List<Finding> findings, List<ChecklistItem> checklist,
                          Map<String, Object> summary) {

    /** The findings grouped by probe and cause, as every format shows them. */
    public List<FindingGroup> groups() {
        return FindingGroup.of(findings);
    }

    /** Whether any finding is at least as severe as {@code threshold}. */
    public boolean hasFindingsAtLeast(Finding.Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) <= 0);
    }
}
