package io.assay.rank.arena;

import io.assay.launcher.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Segments of battles by rater attribute: {@code --where rater.language=fr} keeps the matching
 * battles; {@code --segment rater.country} splits them by value, one board each.
 */
public final class Segments {

    private Segments() {
    }

    /** The segment {@code where} selects ({@code rater.KEY=VALUE} each; all must match). */
    public static ArenaBoard.Segment where(List<String> where) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String filter : where) {
            int equals = filter.indexOf('=');
            if (equals < 0 || !filter.startsWith("rater.") || equals == "rater.".length()) {
                throw new InputException("--where " + filter + ": expected rater.ATTRIBUTE=VALUE",
                        "for example --where rater.language=fr; any attribute of the battles' \"rater\" objects");
            }
            filters.put(filter.substring(0, equals), filter.substring(equals + 1));
        }
        return new ArenaBoard.Segment(filters);
    }

    /** The battles in {@code segment}. */
    public static List<Battle> select(List<Battle> battles, ArenaBoard.Segment segment) {
        return segment.isAll() ? battles : battles.stream().filter(segment::matches).toList();
    }

    /**
     * The segments of {@code within} by each value of {@code attribute} ({@code rater.KEY}), in
     * value order, each with its battles; battles without the attribute are in none.
     */
    public static Map<ArenaBoard.Segment, List<Battle>> split(List<Battle> battles, ArenaBoard.Segment within, String attribute) {
        if (!attribute.startsWith("rater.") || attribute.length() == "rater.".length()) {
            throw new InputException("--segment " + attribute + ": expected rater.ATTRIBUTE", "for example --segment rater.country");
        }
        String key = attribute.substring("rater.".length());
        TreeMap<String, List<Battle>> byValue = new TreeMap<>();
        for (Battle battle : select(battles, within)) {
            String value = battle.rater().get(key);
            if (value != null) {
                byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(battle);
            }
        }
        if (byValue.isEmpty()) {
            throw new InputException("--segment " + attribute + ": no battle in " + within + " has this rater attribute",
                    "segment by an attribute the battles' \"rater\" objects carry, such as rater.language");
        }
        Map<ArenaBoard.Segment, List<Battle>> segments = new LinkedHashMap<>();
        byValue.forEach((value, list) -> {
            Map<String, String> filters = new LinkedHashMap<>(within.filters());
            filters.put(attribute, value);
            segments.put(new ArenaBoard.Segment(filters), list);
        });
        return segments;
    }
}
