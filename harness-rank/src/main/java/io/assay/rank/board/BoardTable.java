package io.assay.rank.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A leaderboard as a table for people: aligned text for a terminal, or Markdown for a report.
 * Every score is printed with its interval, every error count with its trials, and the notes
 * under the table say what the board could not rank or place.
 */
public final class BoardTable {

    private static final List<String> HEADER =
            List.of("rank", "entry", "score", "95% CI", "tasks", "harness errors", "trials", "runs", "cost (USD)", "pareto");

    private BoardTable() {
    }

    /** The board as aligned columns. */
    public static String text(Leaderboard board) {
        List<List<String>> table = cells(board);
        int[] widths = new int[HEADER.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(title(board)).append('\n');
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        notes(board).forEach(note -> out.append(note).append('\n'));
        return out.toString();
    }

    /** The board as a Markdown section: a heading, a table and its notes. */
    public static String markdown(Leaderboard board) {
        List<List<String>> table = cells(board);
        StringBuilder out = new StringBuilder("## ").append(title(board)).append("\n\n");
        out.append(markdownRow(table.getFirst()));
        out.append(markdownRow(table.getFirst().stream().map(cell -> "---").toList()));
        table.subList(1, table.size()).forEach(row -> out.append(markdownRow(row)));
        List<String> notes = notes(board);
        if (!notes.isEmpty()) {
            out.append('\n').append(String.join("\n\n", notes)).append('\n');
        }
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + cells.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ")) + " |\n";
    }

    private static String title(Leaderboard board) {
        return board.suite() + (board.segment() == null ? "" : ", " + board.segment()) + " (" + board.contentHash()
                + "), runs: " + board.runsMode().name().toLowerCase(Locale.ROOT);
    }

    private static List<List<String>> cells(Leaderboard board) {
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        for (BoardRow row : board.rows()) {
            table.add(List.of(row.rank() == null ? "-" : String.valueOf(row.rank()), row.label(),
                    row.score().mean() == null ? "no score" : score(row.score().mean()), interval(row.score().ci95()),
                    String.valueOf(row.tasks()), errors(row), String.valueOf(row.trials()), String.valueOf(row.runs()),
                    row.costUsd() == null ? "unknown" : row.costUsd().toPlainString(),
                    board.frontier().contains(row) ? "yes" : "-"));
        }
        for (Map.Entry<String, Double> baseline : board.baselines().entrySet()) {
            table.add(List.of("baseline", baseline.getKey(), score(baseline.getValue()), "-", "-", "-", "-", "-", "-", "-"));
        }
        return table;
    }

    private static List<String> notes(Leaderboard board) {
        List<String> notes = new ArrayList<>();
        if (!board.frontier().isEmpty()) {
            notes.add("Pareto frontier (higher score, lower cost): " + board.frontier().stream()
                    .map(row -> row.label() + " " + score(row.score().mean()) + " at $" + row.costUsd().toPlainString())
                    .collect(Collectors.joining(", ")));
        }
        if (!board.unplaced().isEmpty()) {
            notes.add("Not on the frontier, cost or score unknown" + (board.segment() == null ? "" : " (cost is per run, not per segment)")
                    + ": " + labels(board.unplaced()));
        }
        if (!board.belowMinimum().isEmpty()) {
            notes.add("Warning: fewer than " + BoardRow.MIN_SCORED_TRIALS + " scored trials or " + BoardRow.MIN_TASKS
                    + " tasks, intervals too wide to trust: " + labels(board.belowMinimum()));
        }
        return notes;
    }

    private static String labels(List<BoardRow> rows) {
        return rows.stream().map(BoardRow::label).collect(Collectors.joining(", "));
    }

    private static String errors(BoardRow row) {
        return row.errorRate() == null ? "-"
                : String.format(Locale.ROOT, "%.1f%% (%d)", 100 * row.errorRate(), row.errors());
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }

    private static String interval(double[] ci) {
        return ci == null ? "none (< 2 tasks)" : "[" + score(ci[0]) + ", " + score(ci[1]) + "]";
    }
}
