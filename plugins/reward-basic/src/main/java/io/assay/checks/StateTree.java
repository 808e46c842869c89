package io.assay.checks;

import io.assay.kit.Excerpt;
import io.assay.kit.JsonValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A tool domain's state as a JSON-shaped tree: top-level tables of records keyed by id. Gives its
 * canonical form (sorted keys, numbers by value) and the records where two trees differ.
 */
final class StateTree {
    private static final int FIELDS_SHOWN = 2;

    private StateTree() {
    }

    static String canonical(Object tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out);
        return out.toString();
    }

    /** A copy of {@code state} without the values at {@code paths} ({@code *} matches any key). */
    static Map<String, Object> without(Map<String, Object> state, List<List<String>> paths) {
        if (paths.isEmpty()) {
            return state; // nothing to remove: no copy of a state that may run to megabytes
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy(state);
        for (List<String> path : paths) {
            remove(copy, path);
        }
        return copy;
    }

    /**
     * One line per differing record, such as {@code orders/#W1: status expected "cancelled", got "pending"};
     * tables that are not objects of records are compared whole.
     */
    static List<String> differences(Map<String, Object> expected, Map<String, Object> actual) {
        List<String> lines = new ArrayList<>();
        for (String table : new TreeSet<>(union(expected, actual))) {
            Object want = expected.get(table);
            Object got = actual.get(table);
            if (want instanceof Map<?, ?> wantRecords && got instanceof Map<?, ?> gotRecords) {
                for (String id : new TreeSet<>(union(wantRecords, gotRecords))) {
                    recordDifference(table + "/" + id, wantRecords.get(id), gotRecords.get(id)).ifPresent(lines::add);
                }
            } else {
                recordDifference(table, want, got).ifPresent(lines::add);
            }
        }
        return lines;
    }

    private static Optional<String> recordDifference(String name, Object want, Object got) {
        if (Objects.equals(want, got) || canonical(want).equals(canonical(got))) {
            return Optional.empty();
        }
        if (want == null) {
            return Optional.of(name + ": not expected, but present");
        }
        if (got == null) {
            return Optional.of(name + ": expected, but missing");
        }
        List<String> fields = new ArrayList<>();
        leafDifferences("", want, got, fields);
        String shown = String.join(", ", fields.subList(0, Math.min(FIELDS_SHOWN, fields.size())));
        return Optional.of(name + ": " + shown + (fields.size() > FIELDS_SHOWN ? ", ..." : ""));
    }

    private static void leafDifferences(String path, Object want, Object got, List<String> out) {
        if (want instanceof Map<?, ?> wantMap && got instanceof Map<?, ?> gotMap) {
            for (String key : new TreeSet<>(union(wantMap, gotMap))) {
                leafDifferences(path.isEmpty() ? key : path + "." + key, wantMap.get(key), gotMap.get(key), out);
            }
        } else if (want instanceof List<?> wantList && got instanceof List<?> gotList && wantList.size() == gotList.size()) {
            for (int i = 0; i < wantList.size(); i++) {
                leafDifferences(path + "[" + i + "]", wantList.get(i), gotList.get(i), out);
            }
        } else if (!canonical(want).equals(canonical(got))) {
            out.add((path.isEmpty() ? "value" : path) + " expected " + shown(want) + ", got " + shown(got));
        }
    }

    /** A value as a reader expects it: money keeps its scale ({@code 15.00}), long values are cut. */
    private static String shown(Object value) {
        String text = value instanceof Number number
                ? GroundTruth.decimal(number).map(BigDecimal::toPlainString).orElse(number.toString())
                : canonical(value);
        return Excerpt.shorten(text, 60);
    }

    private static List<String> union(Map<?, ?> a, Map<?, ?> b) {
        List<String> keys = new ArrayList<>();
        a.keySet().forEach(key -> keys.add(String.valueOf(key)));
        b.keySet().forEach(key -> keys.add(String.valueOf(key)));
        return keys;
    }

    private static void remove(Object node, List<String> path) {
        if (!(node instanceof Map<?, ?> map) || path.isEmpty()) {
            return;
        }
        String head = path.getFirst();
        List<String> rest = path.subList(1, path.size());
        List<Object> keys = new ArrayList<>(map.keySet());
        for (Object key : keys) {
            if (head.equals("*") || head.equals(key)) {
                if (rest.isEmpty()) {
                    map.remove(key);
                } else {
                    remove(map.get(key), rest);
                }
            }
        }
    }

    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), copy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(StateTree::copy).toList());
        }
        return node;
    }

    private static void write(Object node, StringBuilder out) {
        switch (node) {
            case null -> out.append("null");
            case Map<?, ?> map -> {
                // Sorted entries in an array, not a TreeMap: a state has hundreds of thousands of keys.
                @SuppressWarnings("unchecked")
                Map.Entry<Object, Object>[] entries = map.entrySet().toArray(new Map.Entry[0]);
                Arrays.sort(entries, Comparator.comparing(entry -> String.valueOf(entry.getKey())));
                out.append('{');
                for (int i = 0; i < entries.length; i++) {
                    out.append(i == 0 ? "" : ",");
                    JsonValues.appendString(String.valueOf(entries[i].getKey()), out);
                    out.append(':');
                    write(entries[i].getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            }
            case Integer number -> out.append(number.intValue()); // whole numbers print alike whatever their type
            case Long number -> out.append(number.longValue());
            case Number number -> out.append(GroundTruth.decimal(number)
                    .map(value -> value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros())
                    .map(BigDecimal::toPlainString).orElse(number.toString()));
            case Boolean bool -> out.append(bool);
            default -> JsonValues.appendString(Objects.toString(node), out);
        }
    }
}
