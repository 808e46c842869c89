package io.assay.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * States that share what no trial changes. A benchmark's database runs to megabytes (tau-bench's
 * airline: 5 MB of flights, users and reservations) while a trial changes a few records, so
 * copying it whole for every trial, and again before every writing call, costs more than the
 * trial. A domain {@link #freeze freezes} its data once; each trial's state {@link #copy copies}
 * only what is not frozen and shares the rest; a tool makes a table or a record
 * {@link #writable writable} before it changes it. A frozen node refuses every change with an
 * {@link UnsupportedOperationException}, so a tool that forgets fails loudly instead of changing
 * every other trial's data.
 *
 * <pre>{@code
 * private static final ObjectNode DATA = SharedState.freeze(load("/com/example/library/data.json"));
 * public ObjectNode initialState() {
 *     return SharedState.copy(DATA);                      // cheap: the tables stay shared
 * }
 * ObjectNode book = SharedState.writable(SharedState.writable(state, "books"), bookId); // copied on write
 * book.put("on_loan_to", memberId);
 * }</pre>
 */
public final class SharedState {

    private SharedState() {
    }

    /** An immutable deep copy of {@code tree}, safe to share between trials. */
    public static ObjectNode freeze(ObjectNode tree) {
        return (ObjectNode) frozen(tree);
    }

    /** Whether {@code node} is frozen: shared, and never changed. */
    public static boolean isFrozen(JsonNode node) {
        return node instanceof FrozenObjectNode || node instanceof FrozenArrayNode;
    }

    /**
     * A private, writable copy of {@code state}: its own fields can change; below them, what is
     * frozen is shared and everything else copied.
     */
    public static ObjectNode copy(ObjectNode state) {
        ObjectNode copy = state.objectNode();
        state.properties().forEach(entry -> copy.set(entry.getKey(), copyNode(entry.getValue())));
        return copy;
    }

    /**
     * The object at {@code parent.field}, changeable: a frozen one is replaced in {@code parent} by
     * a copy whose own fields can change while its children stay shared (and frozen) until they
     * are made writable in turn. {@code parent} must itself be writable.
     *
     * @return the writable object, or {@code null} when {@code parent} has no object at {@code field}
     */
    public static ObjectNode writable(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child instanceof FrozenObjectNode frozen) {
            ObjectNode copy = parent.objectNode();
            frozen.properties().forEach(entry -> copy.set(entry.getKey(), entry.getValue()));
            parent.set(field, copy);
            return copy;
        }
        return child instanceof ObjectNode object ? object : null;
    }

    private static JsonNode frozen(JsonNode node) {
        if (isFrozen(node)) {
            return node;
        }
        if (node.isObject()) {
            Map<String, JsonNode> children = LinkedHashMap.newLinkedHashMap(node.size());
            node.properties().forEach(entry -> children.put(entry.getKey(), frozen(entry.getValue())));
            return new FrozenObjectNode(children);
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>(node.size());
            node.forEach(element -> elements.add(frozen(element)));
            return new FrozenArrayNode(elements);
        }
        return node; // text, numbers, booleans and null never change
    }

    private static JsonNode copyNode(JsonNode node) {
        if (isFrozen(node) || node.isValueNode() || node.isNull() || node.isMissingNode()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(entry -> copy.set(entry.getKey(), copyNode(entry.getValue())));
            return copy;
        }
        ArrayNode copy = ((ArrayNode) node).arrayNode();
        node.forEach(element -> copy.add(copyNode(element)));
        return copy;
    }

    /** A frozen object, and the JSON-shaped map it reads as, made once. Its deep copy, as any node's, is changeable. */
    static final class FrozenObjectNode extends ObjectNode {
        private transient volatile Map<String, Object> plain;

        FrozenObjectNode(Map<String, JsonNode> children) {
            super(JsonNodeFactory.instance, Collections.unmodifiableMap(children));
        }

        Map<String, Object> plain() {
            Map<String, Object> map = plain;
            if (map == null) {
                Map<String, Object> built = LinkedHashMap.newLinkedHashMap(size());
                properties().forEach(entry -> built.put(entry.getKey(), StateJson.plain(entry.getValue())));
                map = new FrozenMap(this, built);
                plain = map;
            }
            return map;
        }
    }

    /** A frozen array, and the list it reads as, made once. */
    static final class FrozenArrayNode extends ArrayNode {
        private transient volatile List<Object> plain;

        FrozenArrayNode(List<JsonNode> elements) {
            super(JsonNodeFactory.instance, Collections.unmodifiableList(elements));
        }

        List<Object> plain() {
            List<Object> list = plain;
            if (list == null) {
                List<Object> built = new ArrayList<>(size());
                forEach(element -> built.add(StateJson.plain(element)));
                list = new FrozenList(this, built);
                plain = list;
            }
            return list;
        }
    }

    /** A frozen object read as a map: unmodifiable, and it knows its node, so converting back shares it. */
    static final class FrozenMap extends AbstractMap<String, Object> {
        final FrozenObjectNode node;
        private final Map<String, Object> values;

        FrozenMap(FrozenObjectNode node, Map<String, Object> values) {
            this.node = node;
            this.values = Collections.unmodifiableMap(values);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }
    }

    /** A frozen array read as a list, knowing its node. */
    static final class FrozenList extends AbstractList<Object> {
        final FrozenArrayNode node;
        private final List<Object> values;

        FrozenList(FrozenArrayNode node, List<Object> values) {
            this.node = node;
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
