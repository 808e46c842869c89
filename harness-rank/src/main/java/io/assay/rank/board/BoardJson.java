package io.assay.rank.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leaderboards as JSON for scripts. The top level is
 * {@code {"suite", "content_hash", "runs", "entries": [{"agent", "model", "score", "ci95", "rank",
 * "errors", "trials", "cost_usd", ...}], "baselines", "pareto_frontier", "below_minimum"}}; with
 * {@code --segment} the entries and what follows them move into {@code "boards": [{"segment", ...}]}.
 * Unknown figures are {@code null}, never 0.
 */
public final class BoardJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BoardJson() {
    }

    /** One whole-suite board. */
    public static String of(Leaderboard board) {
        Map<String, Object> json = header(board);
        json.putAll(body(board));
        return write(json);
    }

    /** Segment boards of one {@code key}. */
    public static String ofSegments(String key, List<Leaderboard> boards) {
        Map<String, Object> json = header(boards.getFirst());
        json.put("segment_key", key);
        json.put("boards", boards.stream().map(board -> {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("segment", board.segment());
            segment.putAll(body(board));
            return segment;
        }).toList());
        return write(json);
    }

    private static Map<String, Object> header(Leaderboard board) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suite", board.suite());
        json.put("content_hash", board.contentHash());
        json.put("runs", board.runsMode().name().toLowerCase(Locale.ROOT));
        return json;
    }

    private static Map<String, Object> body(Leaderboard board) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entries", board.rows().stream().map(BoardJson::entry).toList());
        json.put("baselines", board.baselines().entrySet().stream().map(baseline -> {
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("agent", baseline.getKey());
            reference.put("score", baseline.getValue());
            return reference;
        }).toList());
        json.put("pareto_frontier", board.frontier().stream().map(BoardRow::label).toList());
        json.put("below_minimum", board.belowMinimum().stream().map(BoardRow::label).toList());
        return json;
    }

    private static Map<String, Object> entry(BoardRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agent", row.agent());
        json.put("model", row.model());
        json.put("run", row.run());
        json.put("score", row.score().mean());
        json.put("stderr", row.score().stderr());
        json.put("ci95", row.score().ci95());
        json.put("rank", row.rank());
        json.put("errors", row.errors());
        json.put("error_rate", row.errorRate());
        json.put("trials", row.trials());
        json.put("tasks", row.tasks());
        json.put("runs_submitted", row.runs());
        json.put("cost_usd", row.costUsd());
        return json;
    }

    private static String write(Map<String, Object> json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
