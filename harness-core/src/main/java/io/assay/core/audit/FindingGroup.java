package io.assay.core.audit;

import io.assay.spi.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Findings of one probe with the same severity, checklist ids and cause, reported as one finding:
 * a strict check that rejects {@code "The answer is 42."} on all 1,319 tasks of a suite is one
 * flaw, listed once with every task it affects. A finding whose {@link Finding#cause()} is
 * {@code null} groups with those of the same message; a suite-level finding stands alone.
 *
 * @param findings the findings grouped, at least one, in report order; each keeps its own message
 *                 and evidence
 */
public record FindingGroup(List<Finding> findings) {

    public FindingGroup {
        findings = List.copyOf(findings);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a finding group needs a finding");
        }
    }

    /** Groups {@code findings}, keeping their order: each group where its first finding was. */
    public static List<FindingGroup> of(List<Finding> findings) {
        Map<Object, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Object key = finding.task() == null ? new Object()
                    : List.of(finding.probe(), finding.severity(), finding.abc(),
                    Objects.requireNonNullElse(finding.cause(), "message: " + finding.message()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
        }
        return groups.values().stream().map(FindingGroup::new).toList();
    }

    /** The first finding: its message and evidence stand for the group's. */
    public Finding first() {
        return findings.getFirst();
    }

    public String probe() {
        return first().probe();
    }

    public Finding.Severity severity() {
        return first().severity();
    }

    public List<String> abc() {
        return first().abc();
    }

    /** What the findings have in common: the probe's stated cause, else their shared message. */
    public String cause() {
        return Objects.requireNonNullElse(first().cause(), first().message());
    }

    /** Every task affected, in report order; empty for a suite-level finding. */
    public List<String> tasks() {
        return findings.stream().map(Finding::task).filter(Objects::nonNull).distinct().toList();
    }
}
