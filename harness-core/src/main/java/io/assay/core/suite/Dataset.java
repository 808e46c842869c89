package io.assay.core.suite;

import io.assay.kit.Problems;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The validated {@code dataset} block of a {@code suite.yaml}: a published data file, read as it
 * is, whose rows become tasks through a mapping of its field names.
 *
 * <pre>{@code
 * dataset:
 *   path: ../shared/benchmarks/gsm8k/test.jsonl
 *   fields: {prompt: question, answer: answer}
 *   answer_pattern: '####\s*(.+)$'
 *   template: "Solve this problem: {prompt}"
 * }</pre>
 *
 * @param path the path as suite.yaml writes it; the content hash names the file by it
 * @param file {@code path} resolved against the suite directory
 * @param idField the field holding each row's id, or {@code null} for the 1-based row number
 * @param metadataFields fields copied into each task's metadata, under their own names
 * @param answerPattern the regular expression whose first group is the reference, or {@code null}
 *        to use the answer field's value as it is
 * @param template the prompt's wrapping, with {@code {prompt}} where the prompt goes, or {@code null}
 */
record Dataset(String path, Path file, Format format, String idField, String promptField, String answerField,
               List<String> metadataFields, Pattern answerPattern, String template) {

    static final String FIELD = "dataset";
    private static final Set<String> KEYS = new TreeSet<>(List.of("path", "fields", "answer_pattern", "template"));
    private static final Set<String> MAPPED = new TreeSet<>(List.of("id", "prompt", "answer", "metadata"));
    /** {@code {name}}; other braces, such as LaTeX's {@code \boxed{}}, are plain text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final String PROMPT = "{prompt}";

    /** The file formats, told apart by extension. */
    enum Format {
        JSONL(".jsonl"), JSON(".json"), CSV(".csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        static Format of(String field, String path) {
            String name = path.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(format -> name.endsWith(format.extension)).findFirst()
                    .orElseThrow(() -> new InvalidOptionException(field, "expected a file ending in .jsonl (JSON lines),"
                            + " .json (an array of objects) or .csv (with a header row), got " + Options.describe(path)));
        }
    }

    /**
     * Validates the block, recording every problem at its line of {@code suiteFile}.
     *
     * @return the dataset, or {@code null} when the block has problems
     */
    static Dataset read(Options block, Path suiteFile, ToIntFunction<String> lineOf, Problems problems) {
        int before = problems.size();
        rejectUnknown(block, KEYS, suiteFile, lineOf, problems);
        String path = problems.value(suiteFile, lineOf, () -> block.string("path"));
        Path file = path == null ? null : problems.value(suiteFile, lineOf, () -> file(block, suiteFile, path));
        Format format = path == null ? null : problems.value(suiteFile, lineOf, () -> Format.of(block.field("path"), path));
        Options fields = problems.value(suiteFile, lineOf, () -> block.object("fields"));
        String id = null;
        String prompt = null;
        String answer = null;
        List<String> metadata = List.of();
        if (fields != null) {
            rejectUnknown(fields, MAPPED, suiteFile, lineOf, problems);
            id = problems.value(suiteFile, lineOf, () -> fields.string("id", null));
            prompt = problems.value(suiteFile, lineOf, () -> fields.string("prompt"));
            answer = problems.value(suiteFile, lineOf, () -> fields.string("answer"));
            metadata = problems.value(suiteFile, lineOf, () -> fields.strings("metadata"));
        }
        Pattern answerPattern = problems.value(suiteFile, lineOf, () -> answerPattern(block));
        String template = problems.value(suiteFile, lineOf, () -> template(block));
        return problems.size() > before ? null
                : new Dataset(path, file, format, id, prompt, answer, metadata, answerPattern, template);
    }

    /** The prompt as the agent gets it: wrapped in the template, if there is one. */
    String prompt(String prompt) {
        return template == null ? prompt : template.replace(PROMPT, prompt);
    }

    private static void rejectUnknown(Options options, Set<String> known, Path suiteFile, ToIntFunction<String> lineOf,
                                      Problems problems) {
        for (String key : options.values().keySet()) {
            if (!known.contains(key)) {
                problems.add(suiteFile, lineOf.applyAsInt(options.field(key)), options.field(key),
                        "unknown field; expected one of " + known);
            }
        }
    }

    private static Path file(Options block, Path suiteFile, String path) {
        Path file;
        try {
            file = suiteFile.resolveSibling(path).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidOptionException(block.field("path"), "expected a file path, got " + Options.describe(path));
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidOptionException(block.field("path"), (Files.exists(file) ? "not a regular file: "
                    : "file not found: ") + file + "; expected the dataset file, relative to the suite directory or absolute");
        }
        return file;
    }

    private static Pattern answerPattern(Options block) {
        String source = block.string("answer_pattern", null);
        if (source == null) {
            return null;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new InvalidOptionException(block.field("answer_pattern"), "expected a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " of \"" + source + "\"");
        }
        if (pattern.matcher("").groupCount() < 1) {
            throw new InvalidOptionException(block.field("answer_pattern"), "expected a regular expression with a"
                    + " group that captures the reference, such as '####\\s*(.+)$', got \"" + source + "\"");
        }
        return pattern;
    }

    private static String template(Options block) {
        String template = block.string("template", null);
        if (template == null) {
            return null;
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            if (!placeholder.group().equals(PROMPT)) {
                throw new InvalidOptionException(block.field("template"), "unknown placeholder "
                        + placeholder.group() + "; expected only " + PROMPT + ", where the prompt goes");
            }
        }
        if (!template.contains(PROMPT)) {
            throw new InvalidOptionException(block.field("template"), "expected " + PROMPT
                    + " where the prompt goes, got " + Options.describe(template));
        }
        return template;
    }
}
