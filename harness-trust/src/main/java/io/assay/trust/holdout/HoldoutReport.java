package io.assay.trust.holdout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.ScoreStatistics;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The gap as people and programs read it: {@code assay compare --holdout} prints one agent's gap,
 * {@code assay leaderboard --holdout} a board of them, each as text or JSON.
 *
 * <pre>{@code
 * System.out.print(HoldoutReport.text(split, gap));
 * }</pre>
 */
public final class HoldoutReport {
    private static final String READING = "A gap above 0 whose interval excludes 0 means the agent scores better on the public"
            + " tasks than on the held-out ones: a sign it was tuned to the public part.";

    private HoldoutReport() {
    }

    /** One agent's gap, as text. */
    public static String text(HoldoutRuns split, HoldoutGap gap) {
        StringBuilder text = new StringBuilder();
        text.append("Holdout gap on ").append(split.suite()).append(", split ").append(split.directory())
                .append(String.format(Locale.ROOT, " (fraction %s, seed %d)%n", fraction(split), split.commitment().seed()));
        text.append("Agent: ").append(HoldoutRuns.entry(gap.publicPart().run())).append('\n');
        int width = Math.max(gap.publicPart().run().directory().toString().length(),
                gap.privatePart().run().directory().toString().length());
        text.append(part("public ", gap.publicPart(), width));
        text.append(part("private", gap.privatePart(), width));
        text.append("Gap public - private: ").append(gapFigure(gap));
        if ("newcombe".equals(gap.method())) {
            text.append(" (Newcombe's hybrid score interval: a part's scores are all equal)");
        } else if (gap.pValue() != null) {
            text.append(String.format(Locale.ROOT, " (Welch's t, %.1f df, p = %.3f)", gap.degreesOfFreedom(), gap.pValue()));
        }
        text.append('\n').append(READING).append('\n');
        return text.toString();
    }

    /**
     * One agent's gap, as JSON: {@code {"suite", "holdout", "agent", "model", "public": {"run",
     * "content_hash", "tasks", "mean", "ci95"}, "private": {...}, "gap", "ci95", "stderr", "df", "p_value", "method",
     * "no_interval"}}.
     */
    public static String json(HoldoutRuns split, HoldoutGap gap) {
        ObjectNode tree = HoldoutJson.object();
        tree.put("suite", split.suite());
        tree.put("holdout", split.directory().toString());
        tree.put("agent", gap.publicPart().run().manifest().agent().name());
        tree.put("model", gap.publicPart().run().model());
        tree.set("public", part(gap.publicPart()));
        tree.set("private", part(gap.privatePart()));
        gapFields(tree, gap);
        return write(tree);
    }

    /** A board, as text: one line per entry, best private score first. */
    public static String text(HoldoutBoard board) {
        StringBuilder text = new StringBuilder();
        text.append("Holdout leaderboard: ").append(board.split().suite()).append(", split ").append(board.split().directory())
                .append(String.format(Locale.ROOT, " (%d public tasks, %d private)%n", board.split().commitment().publicTasks(),
                        board.split().commitment().commitments().size()));
        String format = "%-28s %-26s %-26s %s%n";
        text.append(String.format(Locale.ROOT, format, "entry", "public [95% CI]", "private [95% CI]",
                "gap public - private [95% CI]"));
        for (HoldoutBoard.Row row : board.rows()) {
            text.append(String.format(Locale.ROOT, format, row.entry(), score(row.publicPart()), score(row.privatePart()),
                    row.gap() == null ? "-" : gapFigure(row.gap())));
        }
        text.append(READING).append('\n');
        return text.toString();
    }

    /**
     * A board, as JSON: {@code {"suite", "holdout", "public_tasks", "private_tasks", "entries": [{"agent",
     * "model", "public", "private", "gap", "ci95", "stderr", "df", "p_value", "method", "no_interval"}]}}, a
     * missing part {@code null}.
     */
    public static String json(HoldoutBoard board) {
        ObjectNode tree = HoldoutJson.object();
        tree.put("suite", board.split().suite());
        tree.put("holdout", board.split().directory().toString());
        tree.put("public_tasks", board.split().commitment().publicTasks());
        tree.put("private_tasks", board.split().commitment().commitments().size());
        ArrayNode entries = tree.putArray("entries");
        for (HoldoutBoard.Row row : board.rows()) {
            ObjectNode entry = entries.addObject();
            entry.put("agent", row.agent());
            entry.put("model", row.model());
            entry.set("public", row.publicPart() == null ? null : part(row.publicPart()));
            entry.set("private", row.privatePart() == null ? null : part(row.privatePart()));
            if (row.gap() != null) {
                gapFields(entry, row.gap());
            } else {
                entry.putNull("gap");
                entry.putNull("ci95");
            }
        }
        return write(tree);
    }

    private static String part(String label, HoldoutGap.Part part, int width) {
        return String.format(Locale.ROOT, "  %s  %-" + width + "s  %3d tasks  mean %s%n", label, part.run().directory(),
                part.tasks(), score(part));
    }

    private static ObjectNode part(HoldoutGap.Part part) {
        ObjectNode node = HoldoutJson.object();
        node.put("run", part.run().directory().toString());
        node.put("content_hash", part.run().manifest().suite().contentHash());
        node.put("tasks", part.tasks());
        node.put("mean", part.score().mean());
        interval(node, "ci95", part.score().ci95());
        return node;
    }

    private static void gapFields(ObjectNode node, HoldoutGap gap) {
        node.put("gap", gap.gap());
        interval(node, "ci95", gap.ci95());
        node.put("stderr", gap.stderr());
        node.put("df", gap.degreesOfFreedom());
        node.put("p_value", gap.pValue());
        node.put("method", gap.method());
        node.put("no_interval", gap.noInterval());
    }

    private static void interval(ObjectNode node, String field, double[] interval) {
        if (interval == null) {
            node.putNull(field);
        } else {
            node.putArray(field).add(interval[0]).add(interval[1]);
        }
    }

    private static String score(HoldoutGap.Part part) {
        if (part == null) {
            return "-";
        }
        ScoreStatistics score = part.score();
        if (score.mean() == null) {
            return "no scored task";
        }
        return score.ci95() == null ? String.format(Locale.ROOT, "%.3f", score.mean())
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", score.mean(), score.ci95()[0], score.ci95()[1]);
    }

    private static String gapFigure(HoldoutGap gap) {
        if (gap.gap() == null) {
            return "- (" + gap.noInterval() + ")";
        }
        return gap.ci95() == null ? String.format(Locale.ROOT, "%+.3f (%s)", gap.gap(), gap.noInterval())
                : String.format(Locale.ROOT, "%+.3f [95%% CI %+.3f, %+.3f]", gap.gap(), gap.ci95()[0], gap.ci95()[1]);
    }

    private static String fraction(HoldoutRuns split) {
        return String.valueOf(split.commitment().fraction());
    }

    private static String write(ObjectNode tree) {
        try {
            return HoldoutJson.JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
