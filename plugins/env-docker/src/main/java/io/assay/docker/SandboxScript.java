package io.assay.docker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A shell script read well enough for the sandbox probes, without running it: its top-level
 * commands with their line ranges (a heredoc, a backslash continuation, a quoted string or an
 * {@code if}/{@code for}/{@code while}/{@code case}/{@code {...}} block spanning lines is one
 * command), every word, the words in command position, and heredoc bodies. Command substitutions
 * ({@code $(...)}, backticks) are read as scripts of their own so their commands count too.
 *
 * <p>Not a full shell grammar: it is meant for the short {@code test.sh} and {@code solve.sh}
 * of benchmark tasks, and errs towards keeping lines together when unsure.
 */
final class SandboxScript {
    private static final Set<String> OPENERS = Set.of("if", "case", "for", "while", "until", "select", "{");
    private static final Set<String> CLOSERS = Set.of("fi", "esac", "done", "}");
    /** Keywords after which the next word is again a command. */
    private static final Set<String> COMMAND_PREFIXES = Set.of("if", "then", "else", "elif", "do", "while", "until",
            "!", "{", "}", "fi", "done", "esac", "time");
    /** Keywords after which the next word is a name, not a command. */
    private static final Set<String> NAME_PREFIXES = Set.of("for", "case", "select", "function");

    /**
     * A word of the script.
     *
     * @param text its value with quotes removed (expansions kept as written)
     * @param quoted whether any part of it was quoted
     * @param command whether it stands where a command name goes
     * @param line 1-based line it starts on
     */
    public record Word(String text, boolean quoted, boolean command, int line) {
    }

    /**
     * A top-level command.
     *
     * @param firstLine 1-based first line
     * @param lastLine 1-based last line, inclusive
     * @param text the lines it spans
     */
    public record Command(int firstLine, int lastLine, String text) {
    }

    private final List<String> lines;
    private final List<Word> words = new ArrayList<>();
    private final List<String> heredocs = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();

    private SandboxScript(String text) {
        this.lines = text.lines().toList();
    }

    public static SandboxScript parse(String text) {
        SandboxScript script = new SandboxScript(text);
        new Lexer(script, text).run();
        return script;
    }

    public List<Word> words() {
        return List.copyOf(words);
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The bodies of the script's heredocs, as written. */
    public List<String> heredocs() {
        return List.copyOf(heredocs);
    }

    /**
     * Names of the programs the script runs by bare name: unquoted command words without a
     * {@code /} or expansion, other than keywords and variable assignments.
     */
    public Set<String> programs() {
        Set<String> programs = new LinkedHashSet<>();
        for (Word word : words) {
            if (word.command() && !word.quoted() && word.text().matches("[A-Za-z0-9_][A-Za-z0-9_.+-]*")
                    && !OPENERS.contains(word.text()) && !CLOSERS.contains(word.text())
                    && !COMMAND_PREFIXES.contains(word.text()) && !NAME_PREFIXES.contains(word.text())
                    && !word.text().equals("in")) {
                programs.add(word.text());
            }
        }
        return programs;
    }

    /** The script with the lines of {@code command} removed. */
    public String without(Command command) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            if (line < command.firstLine() || line > command.lastLine()) {
                text.append(lines.get(i)).append('\n');
            }
        }
        return text.toString();
    }

    private void addCommand(int first, int last) {
        String text = String.join("\n", lines.subList(first - 1, Math.min(last, lines.size())));
        commands.add(new Command(first, last, text));
    }

    private record Heredoc(String delimiter, boolean stripTabs) {
    }

    /** One pass over the characters; state is the position in the script and the open constructs. */
    private static final class Lexer {
        private final SandboxScript script;
        private final String text;
        private final boolean topLevel;
        private final int lineOffset;
        private final StringBuilder word = new StringBuilder();
        private final List<Heredoc> pendingHeredocs = new ArrayList<>();
        private int position;
        private int line = 1;
        private boolean inWord;
        private boolean wordQuoted;
        private int wordLine;
        private boolean command = true;
        /** After a redirection the next word is its target, then the command position is restored. */
        private Boolean commandAfterTarget;
        private boolean heredocDelimiterNext;
        private boolean heredocStripTabs;
        private int depth;
        private int parens;
        private boolean continued;
        private int commandStart = -1;

        Lexer(SandboxScript script, String text) {
            this(script, text, true, 0);
        }

        private Lexer(SandboxScript script, String text, boolean topLevel, int lineOffset) {
            this.script = script;
            this.text = text;
            this.topLevel = topLevel;
            this.lineOffset = lineOffset;
        }

        void run() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '\\' && peek(1) == '\n') {
                    position += 2;
                    line++;
                } else if (c == '\\') {
                    startWord();
                    if (position + 1 < text.length()) {
                        word.append(text.charAt(position + 1));
                    }
                    wordQuoted = true;
                    position += 2;
                } else if (c == '\'') {
                    startWord();
                    wordQuoted = true;
                    int end = text.indexOf('\'', position + 1);
                    end = end < 0 ? text.length() : end;
                    appendCounting(text.substring(position + 1, end));
                    position = end + 1;
                } else if (c == '"') {
                    startWord();
                    wordQuoted = true;
                    position++;
                    doubleQuoted();
                } else if (c == '$' && peek(1) == '(') {
                    startWord();
                    substitution();
                } else if (c == '$' && peek(1) == '{') {
                    startWord();
                    int end = matching(position + 1, '{', '}');
                    appendCounting(text.substring(position, end));
                    position = end;
                } else if (c == '`') {
                    startWord();
                    backticks();
                } else if (c == '#' && !inWord) {
                    while (position < text.length() && text.charAt(position) != '\n') {
                        position++;
                    }
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    endWord();
                    position++;
                } else if (c == '\n') {
                    endWord();
                    position++;
                    newline();
                } else if (c == ';' || c == '&' || c == '|') {
                    endWord();
                    operator(c);
                } else if (c == '(') {
                    endWord();
                    markCommand();
                    parens++;
                    command = true;
                    position++;
                } else if (c == ')') {
                    endWord();
                    // A case pattern's ")" has no opening parenthesis.
                    parens = Math.max(0, parens - 1);
                    position++;
                } else if (c == '<' || c == '>') {
                    endWord();
                    redirection(c);
                } else {
                    startWord();
                    word.append(c);
                    position++;
                }
            }
            endWord();
            if (topLevel && commandStart >= 0) {
                script.addCommand(commandStart, script.lines.size());
            }
        }

        private void doubleQuoted() {
            while (position < text.length() && text.charAt(position) != '"') {
                char c = text.charAt(position);
                if (c == '\\' && position + 1 < text.length()) {
                    char next = text.charAt(position + 1);
                    if (next == '\n') {
                        line++;
                    } else {
                        word.append("$`\"\\".indexOf(next) >= 0 ? String.valueOf(next) : "\\" + next);
                    }
                    position += 2;
                } else if (c == '$' && peek(1) == '(') {
                    substitution();
                } else if (c == '`') {
                    backticks();
                } else {
                    appendCounting(String.valueOf(c));
                    position++;
                }
            }
            position++;
        }

        /** {@code $(...)} or {@code $((...))}: kept in the word as written, and read as a script of its own. */
        private void substitution() {
            int end = matching(position + 1, '(', ')');
            String inner = text.substring(position + 2, Math.max(position + 2, end - 1));
            int startLine = line;
            appendCounting(text.substring(position, end));
            if (!inner.startsWith("(")) {
                nested(inner, startLine);
            }
            position = end;
        }

        private void backticks() {
            int end = position + 1;
            while (end < text.length() && text.charAt(end) != '`') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            end = Math.min(end, text.length());
            int startLine = line;
            appendCounting(text.substring(position, Math.min(end + 1, text.length())));
            nested(text.substring(position + 1, end), startLine);
            position = end + 1;
        }

        private void nested(String inner, int startLine) {
            new Lexer(script, inner, false, lineOffset + startLine - 1).run();
        }

        /** The index just past the bracket that closes the one at {@code open}, skipping quoted text. */
        private int matching(int open, char opening, char closing) {
            int level = 0;
            int i = open;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '\'' && opening == '(') {
                    int end = text.indexOf('\'', i + 1);
                    i = end < 0 ? text.length() : end + 1;
                    continue;
                }
                if (c == '"' && opening == '(') {
                    i = skipDoubleQuoted(i + 1);
                    continue;
                }
                if (c == opening) {
                    level++;
                } else if (c == closing && --level == 0) {
                    return i + 1;
                }
                i++;
            }
            return text.length();
        }

        private int skipDoubleQuoted(int i) {
            while (i < text.length() && text.charAt(i) != '"') {
                if (text.charAt(i) == '\\') {
                    i++;
                } else if (text.charAt(i) == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                    i = matching(i + 1, '(', ')') - 1;
                }
                i++;
            }
            return i + 1;
        }

        private void operator(char c) {
            markCommand();
            boolean doubled = peek(1) == c;
            position += doubled ? 2 : 1;
            // "a &&", "a ||" and "a |" continue on the next line; ";" and "&" end the command.
            continued = c == '|' || (c == '&' && doubled);
            command = true;
            commandAfterTarget = null;
        }

        private void redirection(char c) {
            markCommand();
            if (c == '<' && peek(1) == '<' && peek(2) != '<') {
                position += 2;
                heredocStripTabs = peek(0) == '-';
                if (heredocStripTabs) {
                    position++;
                }
                heredocDelimiterNext = true;
            } else {
                int start = position;
                while (position < text.length() && "<>&|0123456789-".indexOf(text.charAt(position)) >= 0
                        && !(text.charAt(position) == '&' && position + 1 < text.length()
                        && Character.isWhitespace(text.charAt(position + 1)))) {
                    position++;
                }
                // "2>&1" and ">&-" duplicate or close a descriptor: no file name follows.
                if (text.substring(start, position).matches(".*&[0-9-]+")) {
                    return;
                }
            }
            if (commandAfterTarget == null) {
                commandAfterTarget = command;
            }
            command = false;
        }

        private void newline() {
            line++;
            if (!pendingHeredocs.isEmpty()) {
                readHeredocBodies();
            }
            if (topLevel && commandStart >= 0 && depth <= 0 && parens == 0 && !continued) {
                script.addCommand(commandStart, line - 1);
                commandStart = -1;
            }
            command = true;
            commandAfterTarget = null;
        }

        private void readHeredocBodies() {
            for (Heredoc heredoc : pendingHeredocs) {
                StringBuilder body = new StringBuilder();
                while (position < text.length()) {
                    int end = text.indexOf('\n', position);
                    String bodyLine = text.substring(position, end < 0 ? text.length() : end);
                    position = end < 0 ? text.length() : end + 1;
                    line++;
                    String compared = heredoc.stripTabs() ? bodyLine.replaceFirst("^\t+", "") : bodyLine;
                    if (compared.equals(heredoc.delimiter())) {
                        break;
                    }
                    body.append(compared).append('\n');
                }
                script.heredocs.add(body.toString());
            }
            pendingHeredocs.clear();
        }

        private void startWord() {
            if (!inWord) {
                markCommand();
                inWord = true;
                wordQuoted = false;
                wordLine = line;
            }
        }

        private void endWord() {
            if (!inWord) {
                return;
            }
            inWord = false;
            String value = word.toString();
            word.setLength(0);
            if (heredocDelimiterNext) {
                heredocDelimiterNext = false;
                pendingHeredocs.add(new Heredoc(value, heredocStripTabs));
                restoreAfterTarget();
                return;
            }
            script.words.add(new Word(value, wordQuoted, command, lineOffset + wordLine));
            if (commandAfterTarget != null) {
                restoreAfterTarget();
                return;
            }
            if (!command || wordQuoted) {
                command = false;
            } else if (value.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                command = true;
            } else {
                keyword(value);
            }
        }

        private void keyword(String value) {
            if (OPENERS.contains(value)) {
                depth++;
            } else if (CLOSERS.contains(value)) {
                depth--;
            }
            command = COMMAND_PREFIXES.contains(value);
            if (NAME_PREFIXES.contains(value)) {
                command = false;
            }
        }

        private void restoreAfterTarget() {
            command = commandAfterTarget != null && commandAfterTarget;
            commandAfterTarget = null;
        }

        private void markCommand() {
            continued = false;
            if (commandStart < 0) {
                commandStart = line;
            }
        }

        private void appendCounting(String s) {
            word.append(s);
            line += (int) s.chars().filter(ch -> ch == '\n').count();
        }

        private char peek(int ahead) {
            int i = position + ahead;
            return i < text.length() ? text.charAt(i) : '\0';
        }
    }
}
