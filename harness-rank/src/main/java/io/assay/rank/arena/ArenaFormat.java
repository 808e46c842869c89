package io.assay.rank.arena;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Boards as text for a terminal, JSON for tools and Markdown for reports. */
public final class ArenaFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArenaFormat() {
    }

    public static String text(ArenaBoard board) {
        StringBuilder out = new StringBuilder();
        out.append(header(board)).append('\n');
        int width = Math.max(5, board.models().stream().mapToInt(row -> row.model().length()).max().orElse(5));
        out.append(String.format(Locale.ROOT, "%4s  %-" + width + "s  %7s  %-17s  %7s%n", "rank", "model", "rating", "95% CI", "battles"));
        for (ArenaBoard.Row row : board.models()) {
            out.append(String.format(Locale.ROOT, "%4d  %-" + width + "s  %7.1f  %-17s  %7d%n", row.rank(), row.model(), row.rating(),
                    interval(row.low(), row.high(), "%.1f"), row.battles()));
        }
        for (ArenaBoard.Style style : board.style()) {
            out.append(String.format(Locale.ROOT, "style: %-8s %+.3f log-odds per unit of (a − b)/(a + b)%s%n", style.name(),
                    style.coefficient(), style.low() == null ? "" : ", 95% CI " + interval(style.low(), style.high(), "%+.3f")));
        }
        for (String warning : board.warnings()) {
            out.append("warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    public static String markdown(ArenaBoard board) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(header(board)).append("**\n\n");
        out.append("| Rank | Model | Rating | 95% CI | Battles |\n|---:|---|---:|---|---:|\n");
        for (ArenaBoard.Row row : board.models()) {
            out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %s | %d |%n", row.rank(), row.model().replace("|", "\\|"),
                    row.rating(), interval(row.low(), row.high(), "%.1f"), row.battles()));
        }
        if (!board.style().isEmpty()) {
            out.append("\n| Style | Coefficient (log-odds) | 95% CI |\n|---|---:|---|\n");
            for (ArenaBoard.Style style : board.style()) {
                out.append(String.format(Locale.ROOT, "| %s | %+.3f | %s |%n", style.name(), style.coefficient(),
                        interval(style.low(), style.high(), "%+.3f")));
            }
        }
        for (String warning : board.warnings()) {
            out.append("\n> Warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    /** One board as a JSON object. */
    public static String json(ArenaBoard board) {
        return write(tree(board));
    }

    /** Boards, one per segment, as a JSON array. */
    public static String json(List<ArenaBoard> boards) {
        return write(boards.stream().map(ArenaFormat::tree).toList());
    }

    static Map<String, Object> tree(ArenaBoard board) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (ArenaBoard.Row row : board.models()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("model", row.model());
            model.put("rating", round(row.rating()));
            model.put("ci95", row.low() == null ? null : List.of(round(row.low()), round(row.high())));
            model.put("rank", row.rank());
            model.put("battles", row.battles());
            models.add(model);
        }
        Map<String, Object> style = null;
        if (!board.style().isEmpty()) {
            style = new LinkedHashMap<>();
            for (ArenaBoard.Style coefficient : board.style()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("coefficient", coefficient.coefficient());
                entry.put("ci95", coefficient.low() == null ? null : List.of(coefficient.low(), coefficient.high()));
                style.put(coefficient.name(), entry);
            }
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("models", models);
        tree.put("anchor", board.anchor());
        tree.put("style", style);
        tree.put("segment", board.segment().isAll() ? null : board.segment().filters());
        tree.put("battles", board.battles());
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        bootstrap.put("replicates", board.bootstrap());
        bootstrap.put("skipped", board.skipped());
        bootstrap.put("seed", board.seed());
        tree.put("bootstrap", bootstrap);
        tree.put("warnings", board.warnings());
        return tree;
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ratings to 1e-4 points: finer than any interval, and stable across platforms' last digits. */
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String header(ArenaBoard board) {
        return (board.segment().isAll() ? "" : board.segment() + ": ") + board.battles() + " battles among " + board.models().size()
                + " models; " + board.anchor() + " anchored at 1000; "
                + (board.bootstrap() > 0 ? "95% CIs from " + board.bootstrap() + " bootstrap resamples (seed " + board.seed() + ")"
                : "no bootstrap, ranks by rating")
                + (board.style().isEmpty() ? "" : "; ratings net of style");
    }

    private static String interval(Double low, Double high, String format) {
        return low == null ? "-" : "[" + String.format(Locale.ROOT, format, low) + ", " + String.format(Locale.ROOT, format, high) + "]";
    }
}
