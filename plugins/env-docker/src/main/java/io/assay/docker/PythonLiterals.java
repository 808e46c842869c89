package io.assay.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string and number literals of a Python file, such as the {@code tests/test_outputs.py} a
 * Terminal-Bench 2 verifier runs with pytest, in source order. A small lexer, not a parser:
 * comments are skipped, string prefixes ({@code r}, {@code b}, {@code u}, {@code f}) and triple
 * quotes are understood, and the common escapes of non-raw strings are decoded. An f-string with
 * a replacement field is left out, since its value is only known when it runs.
 *
 * <pre>{@code
 * PythonLiterals.of("assert out.read_text() == 'ines\\nolek\\n'  # ranking")   // ["ines\nolek\n"]
 * }</pre>
 */
final class PythonLiterals {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final Pattern PREFIX = Pattern.compile("(?i)[rbuf]{0,2}");

    private PythonLiterals() {
    }

    static List<String> of(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '#') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (c == '\'' || c == '"') {
                i = string(source, i, literals);
            } else if (Character.isDigit(c) && (i == 0 || !isNamePart(source.charAt(i - 1)))) {
                Matcher number = NUMBER.matcher(source).region(i, source.length());
                if (number.lookingAt()) {
                    literals.add(number.group());
                    i = number.end();
                } else {
                    i = skipName(source, i);
                }
            } else if (isNamePart(c)) {
                i = skipName(source, i); // so the digits of test_2 or 0x1f are no numbers
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Reads the string opening at {@code quote}, adds its value, and returns where it ends. */
    private static int string(String source, int quote, List<String> literals) {
        int prefixStart = quote;
        while (prefixStart > 0 && Character.isLetter(source.charAt(prefixStart - 1))) {
            prefixStart--;
        }
        String prefix = source.substring(prefixStart, quote).toLowerCase(Locale.ROOT);
        boolean prefixed = PREFIX.matcher(prefix).matches();
        boolean raw = prefixed && prefix.contains("r");
        boolean format = prefixed && prefix.contains("f");
        char q = source.charAt(quote);
        String delimiter = source.startsWith(String.valueOf(q).repeat(3), quote) ? String.valueOf(q).repeat(3)
                : String.valueOf(q);
        StringBuilder text = new StringBuilder();
        int j = quote + delimiter.length();
        while (j < source.length() && !source.startsWith(delimiter, j)) {
            char d = source.charAt(j);
            if (d == '\n' && delimiter.length() == 1) {
                return j; // unterminated: not a literal after all
            }
            if (d == '\\' && j + 1 < source.length()) {
                char next = source.charAt(j + 1);
                text.append(raw ? "\\" + next : escaped(next));
                j += 2;
            } else {
                text.append(d);
                j++;
            }
        }
        if (!(format && text.indexOf("{") >= 0)) {
            literals.add(text.toString());
        }
        return Math.min(source.length(), j + delimiter.length());
    }

    private static String escaped(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            case '\n' -> ""; // a continued line
            case '\\', '\'', '"' -> String.valueOf(c);
            default -> "\\" + c;
        };
    }

    private static int skipName(String source, int i) {
        int j = i;
        while (j < source.length() && isNamePart(source.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
