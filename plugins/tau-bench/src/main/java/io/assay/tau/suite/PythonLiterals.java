package io.assay.tau.suite;

import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Python module that is data: tau-bench's {@code tasks_test.py}, one assignment of a list
 * of {@code Task(...)} calls whose arguments are literals. Nothing is executed; anything beyond
 * literals (strings with adjacent-literal concatenation, numbers, {@code True/False/None}, lists,
 * tuples, dicts, and calls with keyword arguments) is an error naming its line.
 *
 * <pre>{@code
 * List<PythonLiterals.Call> tasks = PythonLiterals.assignedList(source, file); // TASKS = [Task(...), ...]
 * }</pre>
 */
final class PythonLiterals {

    /** A call such as {@code Action(name="x", kwargs={...})}, with its keyword arguments in order. */
    record Call(String function, Map<String, Object> arguments, int line) {
    }

    private final String text;
    private final Path file;
    private final List<Integer> lineStarts = new ArrayList<>();
    private int at;

    private PythonLiterals(String text, Path file) {
        this.text = text;
        this.file = file;
        lineStarts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lineStarts.add(i + 1);
        }
    }

    /** The list assigned by the module's one top-level assignment, each element a call. */
    static List<Call> assignedList(String source, Path file) {
        PythonLiterals reader = new PythonLiterals(source, file);
        return reader.module();
    }

    private List<Call> module() {
        skipBlank();
        while (startsWithWord("from") || startsWithWord("import")) {
            skipLine();
            skipBlank();
        }
        identifier();
        expect('=');
        Object value = value();
        skipBlank();
        if (at < text.length()) {
            throw error("expected the end of the file after the assigned list; only one assignment of data is read");
        }
        if (!(value instanceof List<?> list)) {
            throw error("expected a list of Task(...) calls");
        }
        List<Call> calls = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Call call)) {
                throw error("expected every element of the list to be a call such as Task(...), got " + element);
            }
            calls.add(call);
        }
        return calls;
    }

    private Object value() {
        skipBlank();
        if (at >= text.length()) {
            throw error("unexpected end of file; expected a value");
        }
        char c = text.charAt(at);
        if (c == '"' || c == '\'') {
            StringBuilder joined = new StringBuilder(string());
            for (skipBlank(); at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\''); skipBlank()) {
                joined.append(string()); // "a" "b" is "ab" in Python
            }
            return joined.toString();
        }
        if (c == '[') {
            return sequence('[', ']');
        }
        if (c == '(') {
            return sequence('(', ')');
        }
        if (c == '{') {
            return dict();
        }
        if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int line = line();
            String name = identifier();
            return switch (name) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> null;
                default -> call(name, line);
            };
        }
        throw error("unexpected '" + c + "'; expected a literal (string, number, list, dict, True, False, None) or a call");
    }

    private Call call(String function, int line) {
        skipBlank();
        if (at >= text.length() || text.charAt(at) != '(') {
            throw error("'" + function + "' is not a literal; only calls with keyword arguments are read");
        }
        at++;
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (skipBlank(); !consume(')'); skipBlank()) {
            String name = identifier();
            expect('=');
            if (arguments.put(name, value()) != null) {
                throw error(function + "(): argument " + name + " given twice");
            }
            separator(')');
        }
        return new Call(function, arguments, line);
    }

    private List<Object> sequence(char open, char close) {
        expect(open);
        List<Object> values = new ArrayList<>();
        for (skipBlank(); !consume(close); skipBlank()) {
            values.add(value());
            separator(close);
        }
        return values;
    }

    private Map<String, Object> dict() {
        expect('{');
        Map<String, Object> values = new LinkedHashMap<>();
        for (skipBlank(); !consume('}'); skipBlank()) {
            Object key = value();
            if (!(key instanceof String) && !(key instanceof Number)) {
                throw error("expected a string or number as a dict key, got " + key);
            }
            expect(':');
            values.put(String.valueOf(key), value());
            separator('}');
        }
        return values;
    }

    /** After an element: a comma, or the closing bracket (left for the caller to consume). */
    private void separator(char close) {
        skipBlank();
        if (!consume(',') && (at >= text.length() || text.charAt(at) != close)) {
            throw error("expected ',' or '" + close + "'");
        }
    }

    private String string() {
        char quote = text.charAt(at);
        if (text.startsWith(String.valueOf(quote).repeat(3), at)) {
            throw error("triple-quoted strings are not read; tau-bench's task files use one-line strings");
        }
        int start = line();
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length() || text.charAt(at) == '\n') {
                throw new InvalidSuiteException(List.of(new Problem(file, start, "", "unterminated string")));
            }
            char c = text.charAt(at++);
            if (c == quote) {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case '\\', '\'', '"' -> value.append(escaped);
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                case '\n' -> { } // a backslash at the end of a line continues the string
                default -> value.append('\\').append(escaped); // Python keeps unknown escapes as written
            }
        }
    }

    private Number number() {
        int start = at;
        if (text.charAt(at) == '-' || text.charAt(at) == '+') {
            at++;
        }
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || "._eE".indexOf(text.charAt(at)) >= 0
                || ((text.charAt(at) == '-' || text.charAt(at) == '+') && "eE".indexOf(text.charAt(at - 1)) >= 0))) {
            at++;
        }
        String literal = text.substring(start, at).replace("_", "");
        try {
            if (literal.matches("[-+]?\\d+")) {
                long value = Long.parseLong(literal);
                return value == (int) value ? (Number) (int) value : (Number) value;
            }
            return Double.parseDouble(literal);
        } catch (NumberFormatException e) {
            throw error("'" + literal + "' is not a number");
        }
    }

    private String identifier() {
        skipBlank();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw error("expected a name");
        }
        return text.substring(start, at);
    }

    private void expect(char c) {
        skipBlank();
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private boolean consume(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private boolean startsWithWord(String word) {
        return text.startsWith(word + " ", at);
    }

    private void skipLine() {
        int end = text.indexOf('\n', at);
        at = end < 0 ? text.length() : end + 1;
    }

    /** Skips whitespace, line breaks and comments: inside brackets Python ignores all of them. */
    private void skipBlank() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '#') {
                skipLine();
            } else if (Character.isWhitespace(c)) {
                at++;
            } else {
                return;
            }
        }
    }

    private int line() {
        int found = Collections.binarySearch(lineStarts, at);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private InvalidSuiteException error(String message) {
        return new InvalidSuiteException(List.of(new Problem(file, line(), "", message)));
    }
}
