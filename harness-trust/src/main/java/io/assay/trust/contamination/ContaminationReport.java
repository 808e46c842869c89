package io.assay.trust.contamination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.kit.Excerpt;
import io.assay.kit.Plural;
import java.util.List;
import java.util.Locale;

/**
 * What {@code assay contamination} found: each task's overlap with the corpus, and the corpus as read.
 *
 * <pre>{@code
 * report.json();          // {"suite", "n", "threshold", "corpus", "summary", "tasks"}
 * report.overlapping();   // [TaskOverlap[task=q7, status=OVERLAP, ...]]
 * }</pre>
 *
 * @param suite the suite's id
 * @param n tokens per n-gram
 * @param threshold the fraction of a text's n-grams that makes its task overlap; 0 means any one
 * @param corpus the files scanned, in order
 * @param tasks every task, in the suite's order
 */
public record ContaminationReport(String suite, int n, double threshold, List<CorpusFile> corpus, List<TaskOverlap> tasks) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TASKS_LISTED = 20;

    public ContaminationReport {
        corpus = List.copyOf(corpus);
        tasks = List.copyOf(tasks);
    }

    /** The tasks that overlap. */
    public List<TaskOverlap> overlapping() {
        return having(TaskOverlap.Status.OVERLAP);
    }

    private List<TaskOverlap> having(TaskOverlap.Status status) {
        return tasks.stream().filter(task -> task.status() == status).toList();
    }

    /**
     * {@code {"suite", "n", "threshold", "corpus": [{"file", "bytes", "lines", "tokens"}],
     * "summary": {"tasks", "overlap", "clean", "not_checkable"}, "tasks": [{"task", "status",
     * "prompt", "answer"}]}}; {@code prompt} and {@code answer} are {@code {"tokens", "ngrams",
     * "matched", "fraction", "first_match"}}, {@code fraction} {@code null} when the text is shorter
     * than n tokens, {@code first_match} {@code {"file", "line", "excerpt"}} or {@code null}.
     */
    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("suite", suite);
        root.put("n", n);
        root.put("threshold", threshold);
        var files = root.putArray("corpus");
        for (CorpusFile file : corpus) {
            files.addObject().put("file", file.file()).put("bytes", file.bytes()).put("lines", file.lines())
                    .put("tokens", file.tokens());
        }
        root.putObject("summary").put("tasks", tasks.size())
                .put("overlap", having(TaskOverlap.Status.OVERLAP).size())
                .put("clean", having(TaskOverlap.Status.CLEAN).size())
                .put("not_checkable", having(TaskOverlap.Status.NOT_CHECKABLE).size());
        var rows = root.putArray("tasks");
        for (TaskOverlap task : tasks) {
            ObjectNode row = rows.addObject().put("task", task.task()).put("status", task.status().label());
            field(row.putObject("prompt"), task.prompt());
            field(row.putObject("answer"), task.answer());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    private static void field(ObjectNode node, FieldOverlap field) {
        node.put("tokens", field.tokens()).put("ngrams", field.ngrams()).put("matched", field.matched())
                .put("fraction", field.fraction());
        CorpusMatch match = field.firstMatch();
        if (match == null) {
            node.putNull("first_match");
        } else {
            node.putObject("first_match").put("file", match.file()).put("line", match.line()).put("excerpt", match.excerpt());
        }
    }

    /** For people: the overlapping tasks with their evidence, then the others by status, then the counts. */
    public String text() {
        StringBuilder out = new StringBuilder();
        long bytes = corpus.stream().mapToLong(CorpusFile::bytes).sum();
        long lines = corpus.stream().mapToLong(CorpusFile::lines).sum();
        out.append("Contamination of ").append(suite).append(": ").append(n).append("-gram overlap of prompts and reference answers with ")
                .append(Plural.of(corpus.size(), "corpus file")).append(" (").append(Plural.of(bytes, "byte")).append(", ")
                .append(Plural.of(lines, "line")).append(")")
                .append(threshold > 0 ? String.format(Locale.ROOT, "; a task overlaps when %.0f%% of a text's n-grams are found",
                        threshold * 100) : "").append("\n");
        List<TaskOverlap> overlap = overlapping();
        if (!overlap.isEmpty()) {
            out.append("\nOVERLAP (").append(overlap.size()).append(")\n");
            for (TaskOverlap task : overlap) {
                out.append("  ").append(task.task()).append(": prompt ").append(describe(task.prompt()))
                        .append(", answer ").append(describe(task.answer())).append("\n");
                CorpusMatch match = task.prompt().firstMatch() != null ? task.prompt().firstMatch() : task.answer().firstMatch();
                if (match != null) {
                    out.append("    first match ").append(match.file()).append(":").append(match.line()).append(" ")
                            .append(Excerpt.quote(match.excerpt(), 160)).append("\n");
                }
            }
        }
        List<TaskOverlap> notCheckable = having(TaskOverlap.Status.NOT_CHECKABLE);
        if (!notCheckable.isEmpty()) {
            out.append("\nNOT CHECKABLE (").append(notCheckable.size()).append("): prompt and answers shorter than ").append(n)
                    .append(" tokens: ").append(listed(notCheckable)).append("\n");
        }
        List<TaskOverlap> clean = having(TaskOverlap.Status.CLEAN);
        if (!clean.isEmpty()) {
            out.append("\nCLEAN (").append(clean.size()).append("): ").append(listed(clean)).append("\n");
        }
        out.append("\n").append(Plural.of(overlap.size(), "task")).append(overlap.size() == 1 ? " overlaps, " : " overlap, ")
                .append(clean.size()).append(" clean, ").append(notCheckable.size()).append(" not checkable\n");
        return out.toString();
    }

    private String describe(FieldOverlap field) {
        if (!field.checkable()) {
            return "not checkable (" + Plural.of(field.tokens(), "token") + ")";
        }
        return String.format(Locale.ROOT, "%d/%d n-grams (%.1f%%)", field.matched(), field.ngrams(), 100 * field.fraction());
    }

    private static String listed(List<TaskOverlap> tasks) {
        String names = String.join(", ", tasks.stream().limit(TASKS_LISTED).map(TaskOverlap::task).toList());
        return tasks.size() > TASKS_LISTED ? names + " and " + (tasks.size() - TASKS_LISTED) + " more" : names;
    }
}
