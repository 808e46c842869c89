package io.assay.core.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.json.Json;
import io.assay.spi.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders an {@link AuditReport} for people (text), machines (JSON) and publication (Markdown). */
public final class AuditFormats {
    private static final int EVIDENCE_CHARS = 300;

    private AuditFormats() {
    }

    /** {@code error}, {@code warning} or {@code info}: how severities are written everywhere. */
    public static String label(Finding.Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The JSON contract: {@code {"suite": ID, "findings": [{"probe", "abc", "severity", "task",
     * "message", "evidence"}], "summary": {...}}}.
     */
    public static String json(AuditReport report) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("suite", report.suite());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("probe", f.probe());
            ArrayNode abc = node.putArray("abc");
            f.abc().forEach(abc::add);
            node.put("severity", label(f.severity()));
            node.put("task", f.task());
            node.put("message", f.message());
            node.set("evidence", Json.toTree(f.evidence()));
        }
        root.set("summary", Json.toTree(report.summary()));
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** For people at a terminal: grouped by severity, each with task, evidence and the fix. */
    public static String text(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Audit of ").append(report.suite()).append(": ").append(report.summary().get("tasks"))
                .append(" tasks, probes ").append(String.join(", ", probes(report))).append("\n");
        for (Finding.Severity severity : Finding.Severity.values()) {
            List<Finding> group = report.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            String heading = severity == Finding.Severity.INFO ? "INFO" : label(severity).toUpperCase(Locale.ROOT) + "S";
            out.append("\n").append(heading).append(" (").append(group.size()).append(")\n");
            for (Finding f : group) {
                out.append("  [").append(f.probe()).append("] ")
                        .append(f.task() == null ? "suite" : "task " + f.task())
                        .append(f.abc().isEmpty() ? "" : " (" + String.join(", ", f.abc()) + ")").append("\n")
                        .append("    ").append(f.message()).append("\n");
                if (!f.evidence().isEmpty()) {
                    out.append("    evidence: ").append(truncate(Json.write(f.evidence()))).append("\n");
                }
            }
        }
        out.append("\n").append(counts(report)).append("\n");
        return out.toString();
    }

    /** A report card a benchmark can publish beside its results: every checklist item the probes cover. */
    public static String markdown(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# ABC report card: ").append(report.suite()).append("\n\n")
                .append("Produced by `assay audit` against the Agentic Benchmark Checklist (arXiv 2507.02825): ")
                .append(report.summary().get("tasks")).append(" tasks, probes ")
                .append(String.join(", ", probes(report).stream().map(p -> "`" + p + "`").toList()))
                .append(". ").append(counts(report)).append(".\n\n")
                .append("| item | what it asks | result |\n|---|---|---|\n");
        Map<String, List<Finding>> byItem = new LinkedHashMap<>();
        report.findings().forEach(f -> f.abc().forEach(id -> byItem.computeIfAbsent(id, k -> new ArrayList<>()).add(f)));
        Set<String> covered = new LinkedHashSet<>(coveredItems(report));
        covered.addAll(byItem.keySet());
        AbcChecklist.items().forEach((id, summary) -> {
            if (covered.contains(id)) {
                out.append("| ").append(id).append(" | ").append(summary).append(" | ")
                        .append(result(byItem.getOrDefault(id, List.of()))).append(" |\n");
            }
        });
        out.append("\nItems not listed were not checked automatically; state them in the benchmark's documentation.\n");
        if (report.summary().get("baselines") instanceof Map<?, ?> baselines && !baselines.isEmpty()) {
            out.append("\n## Trivial-agent baselines (R.13)\n\nRead any published score against these:\n\n")
                    .append("| strategy | score |\n|---|---|\n");
            baselines.forEach((name, score) -> out.append("| ").append(name).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", ((Number) score).doubleValue())).append(" |\n"));
        }
        List<Finding> problems = report.findings().stream().filter(f -> f.severity() != Finding.Severity.INFO).toList();
        if (!problems.isEmpty()) {
            out.append("\n## Findings\n\n");
            for (Finding f : problems) {
                out.append("- **").append(label(f.severity())).append("** `").append(f.probe()).append("` ")
                        .append(f.task() == null ? "(suite)" : "task `" + f.task() + "`")
                        .append(f.abc().isEmpty() ? "" : " [" + String.join(", ", f.abc()) + "]").append(": ")
                        .append(f.message().replace("\n", " ")).append("\n");
            }
        }
        return out.toString();
    }

    private static String result(List<Finding> findings) {
        long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        if (errors > 0) {
            return "fail: " + errors + " error" + (errors == 1 ? "" : "s")
                    + (warnings > 0 ? ", " + warnings + " warning" + (warnings == 1 ? "" : "s") : "");
        }
        if (warnings > 0) {
            return "warning: " + warnings;
        }
        return "pass";
    }

    @SuppressWarnings("unchecked")
    private static List<String> probes(AuditReport report) {
        return (List<String>) report.summary().getOrDefault("probes", List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> coveredItems(AuditReport report) {
        return (List<String>) report.summary().getOrDefault("covers", List.of());
    }

    private static String counts(AuditReport report) {
        return report.summary().get("error") + " errors, " + report.summary().get("warning") + " warnings, "
                + report.summary().get("info") + " info";
    }

    private static String truncate(String text) {
        return text.length() <= EVIDENCE_CHARS ? text : text.substring(0, EVIDENCE_CHARS) + "...";
    }
}
