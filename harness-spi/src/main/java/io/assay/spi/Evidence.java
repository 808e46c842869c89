package io.assay.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evidence ({@link RewardResult#evidence}, {@link Finding#evidence}) in an order every run repeats:
 * a map's or set's own order when it keeps one ({@code LinkedHashMap}, {@code TreeMap}), else its
 * keys' or elements' as text, nested ones too. {@code Map.of} and {@code Set.of} iterate in an order
 * that changes from one JVM to the next, and trial records and audit findings are compared byte for
 * byte.
 */
final class Evidence {
    private Evidence() {
    }

    /** {@code map} in a stable order, unmodifiable; it stays in that order when given again. */
    static <K> Map<K, Object> inStableOrder(Map<K, ?> map) {
        SequencedMap<K, Object> ordered = LinkedHashMap.newLinkedHashMap(map.size());
        if (map.size() < 2 || map instanceof SequencedMap) {
            map.forEach((key, value) -> ordered.put(key, stable(value)));
        } else {
            for (K key : byText(map.keySet())) {
                ordered.put(key, stable(map.get(key)));
            }
        }
        return Collections.unmodifiableSequencedMap(ordered);
    }

    /** {@code items} in the order of their text, each item's text made once. */
    private static <T> List<T> byText(Collection<T> items) {
        return items.stream().map(item -> Map.entry(String.valueOf(item), new Holder<>(item)))
                .sorted(Map.Entry.comparingByKey()).map(entry -> entry.getValue().item()).toList();
    }

    /** Lets a null item through {@link Map#entry}, which refuses null values. */
    private record Holder<T>(T item) {
    }

    /** {@code value} itself when it and everything in it keep an order: evidence read from JSON is not copied. */
    private static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map instanceof SequencedMap && map.values().stream().allMatch(Evidence::isStable) ? map : inStableOrder(map);
        } else if (value instanceof Set<?> set && !isStable(set)) {
            Collection<?> ordered = set.size() < 2 || set instanceof SequencedCollection ? set : byText(set);
            return ordered.stream().map(Evidence::stable).collect(Collectors.toCollection(LinkedHashSet::new));
        } else if (value instanceof List<?> list && !isStable(list)) {
            return list.stream().map(Evidence::stable).toList();
        }
        return value;
    }

    private static boolean isStable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map instanceof SequencedMap && map.values().stream().allMatch(Evidence::isStable);
        } else if (value instanceof Set<?> set) {
            return (set.size() < 2 || set instanceof SequencedCollection) && set.stream().allMatch(Evidence::isStable);
        } else if (value instanceof List<?> list) {
            return list.stream().allMatch(Evidence::isStable);
        }
        return true;
    }
}
