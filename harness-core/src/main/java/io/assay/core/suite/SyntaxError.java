package io.assay.core.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and why a JSON or YAML parser gave up, reworded for a {@link io.assay.spi.Problem}.
 *
 * @param line 1-based line in the file, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message the parser's explanation, without its source excerpts
 */
record SyntaxError(int line, int column, String message) {
    /** Jackson's inline location, e.g. {@code [Source: REDACTED (...); line: 1, column: 7]}. */
    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
    /** SnakeYAML's mark, e.g. {@code  in 'reader', line 3, column 1:}. */
    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");

    /**
     * @param firstLine the file line the parsed text starts on (1 for a whole file, N for the
     *        N-th line of a JSON-lines file), so every line number in the result is a file line
     */
    static SyntaxError of(JsonProcessingException e, int firstLine) {
        JsonLocation location = e.getLocation();
        int line = location == null || location.getLineNr() < 1 ? 0 : location.getLineNr() + firstLine - 1;
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        // SnakeYAML explains itself over several lines: unindented phrases (a context such as
        // "while parsing a flow mapping", then the problem), each followed by an indented mark and
        // a code excerpt. The problem's mark is where to look; Jackson's own location can lag.
        List<String> phrases = new ArrayList<>();
        List<Integer> markLines = new ArrayList<>();
        for (String text : e.getOriginalMessage().split("\n")) {
            Matcher mark = YAML_MARK.matcher(text);
            if (text.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(text.charAt(0))) {
                phrases.add(JACKSON_LOCATION.matcher(text.strip()).replaceAll(found -> "line "
                        + (Integer.parseInt(found.group(1)) + firstLine - 1) + ", column " + found.group(2)));
                markLines.add(0);
            } else if (mark.find() && !phrases.isEmpty()) {
                line = Integer.parseInt(mark.group(1)) + firstLine - 1;
                column = Integer.parseInt(mark.group(2));
                markLines.set(markLines.size() - 1, line);
            }
        }
        // The last phrase is the problem and its line is the problem's; earlier ones say where the
        // construct it broke began.
        for (int i = 0; i < phrases.size() - 1; i++) {
            if (markLines.get(i) > 0) {
                phrases.set(i, phrases.get(i) + " at line " + markLines.get(i));
            }
        }
        return new SyntaxError(line, column, String.join(": ", phrases));
    }
}
