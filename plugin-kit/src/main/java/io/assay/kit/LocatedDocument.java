package io.assay.kit;

import java.util.Map;

/**
 * A YAML, JSON or TOML document read into plain values ({@code String}, {@code Number},
 * {@code Boolean}, {@code List}, {@code Map}, {@code null}) that remembers the line each field and
 * list element starts on, so a problem reported for {@code reward.checks[1].pattern} points at
 * that line.
 *
 * <p>The reader parses with its own library and records the line of each field under its path,
 * built with {@link #field} and {@link #element} ({@code reward.checks[1].pattern}), the same
 * paths {@link io.assay.spi.Options#field} gives the fields it reports.
 *
 * <pre>{@code
 * Map<String, Integer> lines = new HashMap<>();
 * lines.put("reward", 2);
 * lines.put(LocatedDocument.field("reward", "checks"), 3);
 * lines.put(LocatedDocument.element("reward.checks", 0), 4);
 * LocatedDocument document = LocatedDocument.of(parsedValues, lines);
 * document.lineOf("reward.checks[0]");         // 4
 * document.lineOf("reward.checks[0].pattern"); // 4: a missing field gets its enclosing field's line
 * document.lineOf("measures");                 // 0: the file as a whole
 * }</pre>
 */
public final class LocatedDocument {
    private static final LocatedDocument EMPTY = new LocatedDocument(null, true, Map.of());

    private final Object root;
    private final boolean empty;
    private final Map<String, Integer> lines;

    private LocatedDocument(Object root, boolean empty, Map<String, Integer> lines) {
        this.root = root;
        this.empty = empty;
        this.lines = lines;
    }

    /** A document holding {@code root}, with the line of each field path in {@code lines}. */
    public static LocatedDocument of(Object root, Map<String, Integer> lines) {
        return new LocatedDocument(root, false, Map.copyOf(lines));
    }

    /** A document that holds no value at all (an empty file, or only comments). */
    public static LocatedDocument empty() {
        return EMPTY;
    }

    /** The path of field {@code name} inside {@code parent}; {@code parent} is empty at the top level. */
    public static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The path of the list element at {@code index} of the list at {@code parent}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The document's value; {@code null} for an empty document or a literal null. */
    public Object root() {
        return root;
    }

    /** Whether the document holds no value at all (empty, or only comments). */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * The line of a field such as {@code reward.checks[1].pattern}; a field that is not in the
     * document (a required field that is missing) gets the line of its nearest enclosing field,
     * and 0 at the top level.
     */
    public int lineOf(String field) {
        String path = field;
        while (!path.isEmpty()) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            path = path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
        }
        return 0;
    }
}
