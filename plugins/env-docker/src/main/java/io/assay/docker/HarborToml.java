package io.assay.docker;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TOML file read into plain values ({@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code Boolean}, {@code List}, {@code Map}; dates as strings) that knows the line
 * each key is on, so a problem with {@code environment.cpus} points at that line.
 *
 * <p>Jackson's TOML parser builds a tree before handing out tokens, so its locations are lost for
 * valid documents; the lines come from a scan of the text that follows TOML's table headers, keys,
 * strings and multi-line arrays.
 */
final class HarborToml {
    private static final TomlMapper TOML = new TomlMapper();

    private final Map<String, Object> values;
    private final Map<String, Integer> lines;

    private HarborToml(Map<String, Object> values, Map<String, Integer> lines) {
        this.values = values;
        this.lines = lines;
    }

    /**
     * Reads and parses {@code file}; when it cannot be read or is not valid TOML, records the
     * problem (on the line the parser stopped at) and returns {@code null}.
     */
    static HarborToml read(Path file, HarborProblems problems) {
        String text = problems.readText(file);
        if (text == null) {
            return null;
        }
        Map<String, Integer> lines = new HashMap<>();
        int duplicateLine = keyLines(text, lines);
        Map<String, Object> values;
        try {
            values = TOML.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNr());
            // The parser notices a duplicate key only after the line that holds it.
            if (e.getOriginalMessage().startsWith("Duplicate key") && duplicateLine > 0) {
                line = duplicateLine;
            }
            problems.add(file, line, "", "invalid TOML: " + e.getOriginalMessage());
            return null;
        }
        return new HarborToml(values == null ? new LinkedHashMap<>() : values, lines);
    }

    /** The document's top-level table. */
    Map<String, Object> values() {
        return values;
    }

    /**
     * The line of a key such as {@code verifier.env.TOKEN}; a key that is not in the file gets the
     * line of its nearest enclosing table, and 0 at the top level.
     */
    int lineOf(String field) {
        String path = field;
        while (!path.isEmpty()) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            path = path.substring(0, Math.max(0, path.lastIndexOf('.')));
        }
        return 0;
    }

    /**
     * Records the line of every key and table header (and of each prefix of a dotted key) in
     * {@code lines}; returns the line of the first key written twice, or 0.
     */
    private static int keyLines(String text, Map<String, Integer> lines) {
        int duplicateLine = 0;
        Scan scan = new Scan();
        String table = "";
        String[] textLines = text.split("\r?\n", -1);
        for (int i = 0; i < textLines.length; i++) {
            String line = textLines[i];
            if (scan.inMultilineString() || scan.depth > 0) {
                scan.consume(line, 0);
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                boolean arrayOfTables = trimmed.startsWith("[[");
                int end = trimmed.indexOf(arrayOfTables ? "]]" : "]");
                table = dotted(trimmed.substring(arrayOfTables ? 2 : 1, end < 0 ? trimmed.length() : end));
                lines.putIfAbsent(table, i + 1);
                continue;
            }
            int equals = keyEnd(line);
            if (equals < 0) {
                continue;
            }
            String key = dotted(line.substring(0, equals));
            String path = table.isEmpty() ? key : table + "." + key;
            if (lines.containsKey(path) && duplicateLine == 0) {
                duplicateLine = i + 1;
            }
            for (int dot = path.indexOf('.', table.length() + 1); dot > 0; dot = path.indexOf('.', dot + 1)) {
                lines.putIfAbsent(path.substring(0, dot), i + 1);
            }
            lines.putIfAbsent(path, i + 1);
            scan.consume(line, equals + 1);
        }
        return duplicateLine;
    }

    /** The index of the {@code =} that ends a key, skipping quoted key parts; -1 when there is none. */
    private static int keyEnd(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    /** A key or table name as one dotted path, with quotes and spaces around its parts removed. */
    private static String dotted(String key) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (char c : key.strip().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    part.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '.') {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return String.join(".", parts);
    }

    /** What is still open after a value's text: a multi-line string, or arrays and inline tables. */
    private static final class Scan {
        private String closing;
        private int depth;

        boolean inMultilineString() {
            return closing != null;
        }

        void consume(String line, int from) {
            int i = from;
            if (closing != null) {
                int end = line.indexOf(closing);
                if (end < 0) {
                    return;
                }
                i = end + 3;
                closing = null;
            }
            while (i < line.length()) {
                char c = line.charAt(i);
                if (line.startsWith("\"\"\"", i) || line.startsWith("'''", i)) {
                    String delimiter = line.substring(i, i + 3);
                    int end = line.indexOf(delimiter, i + 3);
                    if (end < 0) {
                        closing = delimiter;
                        return;
                    }
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    i = stringEnd(line, i) + 1;
                } else if (c == '#') {
                    return;
                } else {
                    if (c == '[' || c == '{') {
                        depth++;
                    } else if (c == ']' || c == '}') {
                        depth--;
                    }
                    i++;
                }
            }
        }

        private static int stringEnd(String line, int open) {
            char quote = line.charAt(open);
            for (int i = open + 1; i < line.length(); i++) {
                if (quote == '"' && line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == quote) {
                    return i;
                }
            }
            return line.length();
        }
    }
}
