package io.assay.kit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key and table header of a TOML text, for a {@link LocatedDocument}. TOML
 * parsers that build a tree before handing out tokens (Jackson's among them) lose locations for
 * valid documents; this scan of the text follows TOML's table headers, keys, strings and
 * multi-line arrays to get them back.
 *
 * <pre>{@code
 * String text = Files.readString(file);
 * TomlLines lines = TomlLines.scan(text);
 * Map<String, Object> values = new TomlMapper().readValue(text, Map.class);
 * LocatedDocument document = LocatedDocument.of(values, lines.lines());
 * document.lineOf("environment.cpus"); // the line of cpus = ... under [environment]
 * }</pre>
 *
 * @param lines the line of each key path (such as {@code verifier.env.TOKEN}), of each table, and of
 *              each prefix of a dotted key
 * @param firstDuplicate the line of the first key written twice, or 0: parsers notice a duplicate
 *                       only after the line that holds it
 */
public record TomlLines(Map<String, Integer> lines, int firstDuplicate) {

    public TomlLines {
        lines = Map.copyOf(lines);
    }

    /** Scans {@code text}; never fails, since the parser reports what is not valid TOML. */
    public static TomlLines scan(String text) {
        Map<String, Integer> lines = new HashMap<>();
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
            String path = LocatedDocument.field(table, dotted(line.substring(0, equals)));
            if (lines.containsKey(path) && duplicateLine == 0) {
                duplicateLine = i + 1;
            }
            for (int dot = path.indexOf('.', table.length() + 1); dot > 0; dot = path.indexOf('.', dot + 1)) {
                lines.putIfAbsent(path.substring(0, dot), i + 1);
            }
            lines.putIfAbsent(path, i + 1);
            scan.consume(line, equals + 1);
        }
        return new TomlLines(lines, duplicateLine);
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
