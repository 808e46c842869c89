package io.assay.core.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.json.Json;
import io.assay.kit.Plural;
import io.assay.spi.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Renders an {@link AuditReport} for people (text), machines (JSON) and publication (Markdown). */
public final class AuditFormats {
    private static final int EVIDENCE_CHARS = 300;
    // A grouped finding names this many of its tasks in text and Markdown; JSON lists them all.
    /** A group of up to this many tasks names them all (the do-nothing probe's 19 of tau-bench airline); */
    private static final int TASKS_ALL_SHOWN = 25;
    /** a larger one its first few and how many more (the JSON report always has every task). */
    private static final int TASKS_SHOWN = 5;

    private AuditFormats() {
    }

    /** {@code error}, {@code warning} or {@code info}: how severities are written everywhere. */
    public static String label(Finding.Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The JSON contract: {@code {"suite": ID, "findings": [...], "checklist": [...], "summary": {...}}}.
     * Each finding is {@code {"probe", "abc", "severity", "task", "tasks", "cause", "message",
     * "evidence"}}, one per probe and cause: {@code tasks} lists every task it affects (empty for
     * the suite), {@code cause} is what they share ({@code null} when the message says it), and
     * {@code task}, {@code message} and {@code evidence} are those of the first task. A finding of
     * two or more tasks adds {@code "instances": [{"task", "message", "evidence"}]}, one per task.
     * Each checklist entry is {@code {"item", "status", "probes", "why"}}, status one of
     * {@code pass}, {@code fail}, {@code warning}, {@code n/a} and {@code not checked}.
     */
    public static String json(AuditReport report) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("suite", report.suite());
        ArrayNode findings = root.putArray("findings");
        for (FindingGroup group : report.groups()) {
            Finding first = group.first();
            ObjectNode node = findings.addObject();
            node.put("probe", group.probe());
            ArrayNode abc = node.putArray("abc");
            group.abc().forEach(abc::add);
            node.put("severity", label(group.severity()));
            node.put("task", first.task());
            ArrayNode tasks = node.putArray("tasks");
            group.tasks().forEach(tasks::add);
            node.put("cause", first.cause());
            node.put("message", first.message());
            node.set("evidence", Json.toTree(first.evidence()));
            if (group.findings().size() > 1) {
                ArrayNode instances = node.putArray("instances");
                for (Finding f : group.findings()) {
                    ObjectNode instance = instances.addObject();
                    instance.put("task", f.task());
                    instance.put("message", f.message());
                    instance.set("evidence", Json.toTree(f.evidence()));
                }
            }
        }
        ArrayNode checklist = root.putArray("checklist");
        for (ChecklistItem item : report.checklist()) {
            ObjectNode node = checklist.addObject();
            node.put("item", item.item());
            node.put("status", item.status().label());
            ArrayNode probes = node.putArray("probes");
            item.probes().forEach(probes::add);
            node.put("why", item.why());
        }
        root.set("summary", Json.toTree(report.summary()));
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** For people at a terminal: findings grouped by severity, each with its tasks, evidence and fix; then the checklist. */
    public static String text(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Audit of ").append(report.suite()).append(": ").append(tasks(report))
                .append(", probes ").append(String.join(", ", probes(report))).append("\n");
        notApplicable(report, Function.identity()).ifPresent(line -> out.append(line).append("\n"));
        notRun(report, Function.identity()).ifPresent(line -> out.append(line).append("\n"));
        List<FindingGroup> groups = report.groups();
        for (Finding.Severity severity : Finding.Severity.values()) {
            List<FindingGroup> group = groups.stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            String heading = severity == Finding.Severity.INFO ? "INFO" : label(severity).toUpperCase(Locale.ROOT) + "S";
            out.append("\n").append(heading).append(" (").append(group.size()).append(")\n");
            group.forEach(finding -> text(finding, out));
        }
        out.append("\nCHECKLIST (ABC, docs/audit.md)\n");
        for (ChecklistItem.Status status : ChecklistItem.Status.values()) {
            List<ChecklistItem> items = report.checklist().stream().filter(item -> item.status() == status).toList();
            if (!items.isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-13s", status.label())).append(checklistLine(status, items)).append("\n");
            }
        }
        out.append("\n").append(counts(report)).append("\n");
        return out.toString();
    }

    private static void text(FindingGroup finding, StringBuilder out) {
        Finding first = finding.first();
        List<String> tasks = finding.tasks();
        String where = tasks.isEmpty() ? "suite"
                : tasks.size() == 1 ? "task " + tasks.getFirst()
                : Plural.of(tasks.size(), "task") + ": " + someOf(tasks, Function.identity());
        out.append("  [").append(finding.probe()).append("] ").append(where)
                .append(finding.abc().isEmpty() ? "" : " (" + String.join(", ", finding.abc()) + ")").append("\n");
        if (finding.findings().size() == 1) {
            out.append("    ").append(first.message()).append("\n");
            if (!first.evidence().isEmpty()) {
                out.append("    evidence: ").append(truncate(Json.write(first.evidence()))).append("\n");
            }
            return;
        }
        out.append("    ").append(finding.cause()).append("\n");
        if (first.cause() != null) {
            out.append("    e.g. task ").append(first.task()).append(": ").append(first.message()).append("\n");
        }
        if (!first.evidence().isEmpty()) {
            out.append("    evidence (task ").append(first.task()).append("): ")
                    .append(truncate(Json.write(first.evidence()))).append("\n");
        }
    }

    /** Items of one status on one line; {@code n/a} items with why, the same reasons together. */
    private static String checklistLine(ChecklistItem.Status status, List<ChecklistItem> items) {
        if (status != ChecklistItem.Status.NOT_APPLICABLE) {
            return String.join(" ", items.stream().map(ChecklistItem::item).toList());
        }
        Map<String, String> whys = new LinkedHashMap<>();
        items.forEach(item -> whys.put(item.item(), item.why()));
        return byWhy(whys, Function.identity());
    }

    /** A report card a benchmark can publish beside its results: every checklist item with its status. */
    public static String markdown(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# ABC report card: ").append(report.suite()).append("\n\n")
                .append("Produced by `assay audit` against the Agentic Benchmark Checklist (arXiv 2507.02825): ")
                .append(tasks(report)).append(", probes ")
                .append(String.join(", ", probes(report).stream().map(p -> "`" + p + "`").toList()))
                .append(". ").append(counts(report)).append(".\n");
        notApplicable(report, p -> "`" + p + "`").ifPresent(line -> out.append(line).append(".\n"));
        notRun(report, p -> "`" + p + "`").ifPresent(line -> out.append(line).append(".\n"));
        out.append("\n`pass`: a probe that applies ran and found nothing wrong; `n/a`: no probe applies to this "
                        + "suite; `not checked`: nothing checked it automatically, so state it in the benchmark's "
                        + "documentation.\n\n")
                .append("| item | what it asks | status | why |\n|---|---|---|---|\n");
        for (ChecklistItem item : report.checklist()) {
            boolean checked = switch (item.status()) {
                case PASS, FAIL, WARNING -> true;
                case NOT_APPLICABLE, NOT_CHECKED -> false;
            };
            String probes = String.join(", ", item.probes().stream().map(p -> "`" + p + "`").toList());
            out.append("| ").append(item.item()).append(" | ").append(AbcChecklist.items().get(item.item()))
                    .append(" | ").append(item.status().label()).append(" | ").append(item.why())
                    .append(checked ? " (" + probes + ")" : "").append(" |\n");
        }
        if (report.summary().get("baselines") instanceof Map<?, ?> baselines && !baselines.isEmpty()) {
            out.append("\n## Trivial-agent baselines (R.13)\n\nRead any published score against these:\n\n")
                    .append("| strategy | score |\n|---|---|\n");
            baselines.forEach((name, score) -> out.append("| ").append(name).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", ((Number) score).doubleValue())).append(" |\n"));
        }
        List<FindingGroup> notes = report.groups().stream()
                .filter(f -> f.severity() == Finding.Severity.INFO && f.tasks().isEmpty()).toList();
        if (!notes.isEmpty()) {
            // Suite-level information such as the do-nothing agent's score: what every published score is read against.
            out.append("\n## Notes\n\n");
            notes.forEach(f -> out.append("- `").append(f.probe()).append("`: ").append(f.first().message().replace("\n", " "))
                    .append("\n"));
        }
        List<FindingGroup> problems = report.groups().stream().filter(f -> f.severity() != Finding.Severity.INFO).toList();
        if (!problems.isEmpty()) {
            out.append("\n## Findings\n\n");
            for (FindingGroup f : problems) {
                List<String> tasks = f.tasks();
                String where = tasks.isEmpty() ? "(suite)"
                        : tasks.size() == 1 ? "task `" + tasks.getFirst() + "`"
                        : Plural.of(tasks.size(), "task") + " (" + someOf(tasks, task -> "`" + task + "`") + ")";
                out.append("- **").append(label(f.severity())).append("** `").append(f.probe()).append("` ").append(where)
                        .append(f.abc().isEmpty() ? "" : " [" + String.join(", ", f.abc()) + "]").append(": ")
                        .append((f.findings().size() == 1 ? f.first().message() : f.cause()).replace("\n", " ")).append("\n");
            }
        }
        return out.toString();
    }

    /** The first few of {@code tasks}, then how many more. */
    private static String someOf(List<String> tasks, Function<String, String> shown) {
        if (tasks.size() <= TASKS_ALL_SHOWN) {
            return String.join(", ", tasks.stream().map(shown).toList());
        }
        String listed = String.join(", ", tasks.stream().limit(TASKS_SHOWN).map(shown).toList());
        return listed + " and " + (tasks.size() - TASKS_SHOWN) + " more";
    }

    /** {@code Not applicable: a, b (no sandbox); c (no LLM judge)}, or nothing when every probe applied. */
    @SuppressWarnings("unchecked")
    private static Optional<String> notApplicable(AuditReport report, Function<String, String> shown) {
        Map<String, String> whys = (Map<String, String>) report.summary().getOrDefault("not_applicable", Map.of());
        return whys.isEmpty() ? Optional.empty() : Optional.of("Not applicable: " + byWhy(whys, shown));
    }

    /** {@code Not run: memorization (needs --model)}: probes that apply but lacked what they need; nothing when none. */
    @SuppressWarnings("unchecked")
    private static Optional<String> notRun(AuditReport report, Function<String, String> shown) {
        Map<String, String> whys = (Map<String, String>) report.summary().getOrDefault("not_run", Map.of());
        return whys.isEmpty() ? Optional.empty() : Optional.of("Not run: " + byWhy(whys, shown));
    }

    /** {@code a, b (no sandbox); c (no LLM judge)}: names with their reasons, the same reasons together. */
    private static String byWhy(Map<String, String> whys, Function<String, String> shown) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        whys.forEach((name, why) -> names.computeIfAbsent(why, k -> new ArrayList<>()).add(shown.apply(name)));
        List<String> parts = new ArrayList<>();
        names.forEach((why, named) -> parts.add(String.join(", ", named) + " (" + why + ")"));
        return String.join("; ", parts);
    }

    @SuppressWarnings("unchecked")
    private static List<String> probes(AuditReport report) {
        return (List<String>) report.summary().getOrDefault("probes", List.of());
    }

    private static String tasks(AuditReport report) {
        return Plural.of(((Number) report.summary().get("tasks")).longValue(), "task");
    }

    private static String counts(AuditReport report) {
        return Plural.of(((Number) report.summary().get("error")).longValue(), "error") + ", "
                + Plural.of(((Number) report.summary().get("warning")).longValue(), "warning") + ", "
                + report.summary().get("info") + " info";
    }

    private static String truncate(String text) {
        return text.length() <= EVIDENCE_CHARS ? text : text.substring(0, EVIDENCE_CHARS) + "...";
    }
}
