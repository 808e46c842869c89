package io.assay.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
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
        if (isStable(map)) {
            return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(map)); // the common case: a plain copy
        }
        SequencedMap<K, Object> ordered = LinkedHashMap.newLinkedHashMap(map.size());
        for (K key : map.size() < 2 || map instanceof SequencedMap ? map.keySet() : byText(map.keySet())) {
            ordered.put(key, stable(map.get(key)));
        }
        return Collections.unmodifiableSequencedMap(ordered);
    }

    /** {@code items} in the order of their text, each item's text made once (a reward's evidence is made per trial). */
    @SuppressWarnings("unchecked") // items' own elements
    private static <T> List<T> byText(Collection<T> items) {
        Object[] things = items.toArray();
        String[] texts = new String[things.length];
        Integer[] order = new Integer[things.length];
        for (int i = 0; i < things.length; i++) {
            texts[i] = String.valueOf(things[i]);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> texts[i]));
        List<T> sorted = new ArrayList<>(things.length);
        for (int i : order) {
            sorted.add((T) things[i]);
        }
        return sorted;
    }

    /** {@code value} itself when it and everything in it keep an order: evidence read from JSON is not copied. */
    private static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return isStable(map) ? map : inStableOrder(map);
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
            return map instanceof SequencedMap && allStable(map.values());
        } else if (value instanceof Set<?> set) {
            return (set.size() < 2 || set instanceof SequencedCollection) && allStable(set);
        } else if (value instanceof List<?> list) {
            return allStable(list);
        }
        return true;
    }

    private static boolean allStable(Collection<?> values) {
        for (Object value : values) {
            if (!isStable(value)) {
                return false;
            }
        }
        return true;
    }
}
