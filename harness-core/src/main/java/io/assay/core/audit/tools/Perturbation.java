package io.assay.core.audit.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A deliberate change to one value of a record the gold actions did not touch: in each table, the
 * first such record's first field that is not an identifier. A text gets a suffix, a number grows
 * by one, a flag flips.
 *
 * @param path keys (and list indexes) from the top of the state to the value
 * @param before the value the gold actions leave
 */
record Perturbation(List<Object> path, Object before) {
    private static final String SUFFIX = " (changed by audit)";

    /** One perturbation per table that has a record the gold actions leave as it was. */
    static List<Perturbation> of(Map<String, Object> initial, Map<String, Object> afterGold) {
        List<Perturbation> perturbations = new ArrayList<>();
        for (Map.Entry<String, Object> table : new TreeMap<>(afterGold).entrySet()) {
            Map<Object, Object> records = children(table.getValue());
            Map<Object, Object> before = children(initial.get(table.getKey()));
            for (Map.Entry<Object, Object> record : records.entrySet()) {
                if (!Objects.equals(record.getValue(), before.get(record.getKey()))) {
                    continue;
                }
                List<Object> path = new ArrayList<>(List.of(table.getKey(), record.getKey()));
                Optional<Perturbation> leaf = firstLeaf(path, record.getValue());
                if (leaf.isPresent()) {
                    perturbations.add(leaf.get());
                    break;
                }
            }
        }
        return perturbations;
    }

    /** The table and record it changes, such as {@code orders/#W1}. */
    String record() {
        return path.get(0) + "/" + path.get(1);
    }

    /** The changed field inside its record, such as {@code address.city}. */
    String field() {
        StringBuilder field = new StringBuilder();
        for (Object key : path.subList(2, path.size())) {
            field.append(key instanceof Integer index ? "[" + index + "]" : (field.isEmpty() ? "" : ".") + key);
        }
        return field.toString();
    }

    /**
     * {@code state} with this value changed. The maps and lists on the way to it are copied, not
     * changed: a tool domain's state may share its records with other trials (and refuse changes).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> applyTo(Map<String, Object> state) {
        return (Map<String, Object>) replaced(state, 0);
    }

    private Object replaced(Object node, int depth) {
        if (depth == path.size()) {
            return changed();
        }
        Object key = path.get(depth);
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(key, replaced(map.get(key), depth + 1));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) node);
        copy.set((Integer) key, replaced(copy.get((Integer) key), depth + 1));
        return copy;
    }

    Object changed() {
        return switch (before) {
            case Boolean flag -> !flag;
            case Number number -> new BigDecimal(number.toString()).add(BigDecimal.ONE);
            default -> before + SUFFIX;
        };
    }

    private static Optional<Perturbation> firstLeaf(List<Object> path, Object node) {
        if (node instanceof Map<?, ?> || node instanceof List<?>) {
            for (Map.Entry<Object, Object> child : children(node).entrySet()) {
                if (child.getKey() instanceof String key && key.toLowerCase(Locale.ROOT).endsWith("id")) {
                    continue; // changing an identifier breaks references rather than testing the grader
                }
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(child.getKey());
                Optional<Perturbation> leaf = firstLeaf(childPath, child.getValue());
                if (leaf.isPresent()) {
                    return leaf;
                }
            }
            return Optional.empty();
        }
        return node instanceof String || node instanceof Number || node instanceof Boolean
                ? Optional.of(new Perturbation(List.copyOf(path), node)) : Optional.empty();
    }

    /** A map's entries sorted by key, or a list's elements by index; nothing for a value. */
    private static Map<Object, Object> children(Object node) {
        Map<Object, Object> children = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
            children.putAll(sorted);
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                children.put(i, list.get(i));
            }
        }
        return children;
    }
}
