package io.assay.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a sandboxed task's tests compare against, read from {@code tests/} without running it: the
 * quoted strings and numbers of its shell scripts and the literals of its Python files (pytest's
 * {@code test_outputs.py}), and the heredoc bodies and multi-line strings that spell out a whole
 * expected file. Values the instruction states are left out: they are no secret.
 *
 * @param values distinctive single-line values (6 characters or more), searched for inside files
 * @param shortValues values of 2 to 5 characters, too common inside files: they count only as the
 *                    whole content of a file
 * @param blocks multi-line literals by the file of {@code tests/} they come from: a file holding
 *               exactly one is a copy of an expected output
 */
record ExpectedValues(List<String> values, List<String> shortValues, Map<String, String> blocks) {
    private static final int MIN_VALUE_LENGTH = 6;
    private static final int MIN_SHORT_LENGTH = 2;
    private static final int MAX_VALUES = 20;
    private static final int MAX_BLOCKS = 10;
    /** A path, possibly with spaces, or a relative path without them. */
    private static final Pattern PATH_LIKE = Pattern.compile("(~|\\.{1,2})?/.*|[\\w.@+-]+(/[\\w.@+*-]*)+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> COMMON_WORDS = Set.of("passed", "failed", "failure", "success", "successful",
            "correct", "incorrect", "expected", "output", "result", "results", "error", "errors", "reward",
            "pytest", "python", "python3", "verifier", "testing", "tests", "pass", "fail", "true", "false", "none",
            "null", "yes", "no", "ok", "utf-8", "utf8", "ascii", "main", "test", "exit");

    static ExpectedValues read(HarborTask task) throws IOException {
        if (!Files.isDirectory(task.testsDirectory())) {
            return new ExpectedValues(List.of(), List.of(), Map.of());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(task.testsDirectory())) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Set<String> words = new LinkedHashSet<>();
        Map<String, String> blocks = new LinkedHashMap<>();
        for (Path file : files) {
            String name = task.directory().relativize(file).toString().replace('\\', '/');
            if (name.endsWith(".sh")) {
                SandboxScript script = SandboxScript.parse(Files.readString(file, StandardCharsets.UTF_8));
                for (SandboxScript.Word word : script.words()) {
                    if (word.quoted() || NUMBER.matcher(word.text()).matches()) {
                        // printf and echo -e formats: each line is a value of its own.
                        Stream.of(word.text().split("\\\\n")).map(String::strip).forEach(words::add);
                    }
                }
                script.heredocs().forEach(body -> addBlock(body, name, words, blocks));
            } else if (name.endsWith(".py")) {
                for (String literal : PythonLiterals.of(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (literal.strip().contains("\n")) {
                        addBlock(literal, name, words, blocks);
                    } else {
                        words.add(literal.strip());
                    }
                }
            }
        }
        String instruction = task.instruction();
        return new ExpectedValues(
                words.stream().filter(value -> value.length() >= MIN_VALUE_LENGTH && plain(value, instruction))
                        .limit(MAX_VALUES).toList(),
                words.stream().filter(value -> value.length() >= MIN_SHORT_LENGTH && value.length() < MIN_VALUE_LENGTH
                        && value.chars().noneMatch(Character::isWhitespace) && plain(value, instruction))
                        .limit(MAX_VALUES).toList(),
                blocks.entrySet().stream().filter(block -> !instruction.contains(block.getKey())).limit(MAX_BLOCKS)
                        .collect(LinkedHashMap::new, (map, block) -> map.put(block.getKey(), block.getValue()),
                                Map::putAll));
    }

    /** A heredoc body or multi-line string: each line is a value, and the whole text (stripped) a block. */
    private static void addBlock(String text, String source, Set<String> words, Map<String, String> blocks) {
        text.lines().map(String::strip).forEach(words::add);
        String stripped = text.strip();
        if (stripped.length() >= MIN_VALUE_LENGTH) {
            blocks.putIfAbsent(stripped, source);
        }
    }

    /**
     * A literal that can be an expected value: it has a letter or digit, and is no path, option,
     * expansion, common word or text the instruction states.
     */
    private static boolean plain(String value, String instruction) {
        return value.chars().anyMatch(Character::isLetterOrDigit)
                && value.indexOf('$') < 0 && value.indexOf('`') < 0 && value.indexOf('\n') < 0
                && !value.startsWith("-") && !PATH_LIKE.matcher(value).matches()
                && !COMMON_WORDS.contains(value.toLowerCase(Locale.ROOT)) && !instruction.contains(value);
    }
}
