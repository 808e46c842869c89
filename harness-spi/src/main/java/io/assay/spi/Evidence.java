package io.assay.spi;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Evidence ({@link RewardResult#evidence}, {@link Finding#evidence}) in an order every run repeats:
 * a map's or set's own order when it keeps one ({@code LinkedHashMap}, {@code TreeMap}), else its
 * keys' or elements' as text, nested ones too. {@code Map.of} and {@code Set.of} iterate in an order
 * that changes from one JVM to the next, and trial records and audit findings are compared byte for
 * byte.
 */
final class Evidence {
    private static final Comparator<Object> AS_TEXT = Comparator.comparing(String::valueOf);

    private Evidence() {
    }

    static <K> Map<K, Object> inStableOrder(Map<K, ?> map) {
        Map<K, Object> ordered = LinkedHashMap.newLinkedHashMap(map.size());
        if (map.size() < 2 || map instanceof SequencedMap) {
            map.forEach((key, value) -> ordered.put(key, stable(value)));
        } else {
            @SuppressWarnings("unchecked") // the keys of map, so K
            K[] keys = (K[]) map.keySet().toArray();
            Arrays.sort(keys, AS_TEXT);
            for (K key : keys) {
                ordered.put(key, stable(map.get(key)));
            }
        }
        return ordered;
    }

    /** {@code value} itself when it and everything in it keep an order: evidence read from JSON is not copied. */
    private static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map instanceof SequencedMap && map.values().stream().allMatch(Evidence::isStable) ? map : inStableOrder(map);
        } else if (value instanceof Set<?> set && !isStable(set)) {
            Object[] elements = set.stream().map(Evidence::stable).toArray();
            Arrays.sort(elements, AS_TEXT);
            return new LinkedHashSet<>(Arrays.asList(elements));
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
