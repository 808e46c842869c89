package io.assay.core.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.assay.kit.LocatedDocument;
import io.assay.kit.Problems;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The validated contents of a {@code suite.yaml}. Fields that failed validation are {@code null}
 * and their problems are recorded, so the task file can still be checked in the same pass.
 *
 * @param rewardDeclared whether the file sets a default {@code reward} (valid or not); when it
 *        does not, every task needs its own
 * @param tasks the task file, relative to the suite directory, normalised with {@code /}; {@code null}
 *        when the suite reads a dataset instead
 * @param dataset the {@code dataset} block, or {@code null} when there is none or it has problems
 */
record SuiteSettings(String id, String version, String description, String measures, String canary,
                     Options environment, Options reward, boolean rewardDeclared, String tasks, Dataset dataset) {

    static final String DEFAULT_TASKS = "tasks.jsonl";
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> FIELDS = new TreeSet<>(List.of(
            "id", "version", "description", "measures", "canary", "environment", "reward", "tasks", Dataset.FIELD));
    private static final Options NO_ENVIRONMENT = new Options("environment", Map.of("type", "none"));
    private static final YAMLFactory YAML = new YAMLFactory();

    /**
     * Parses and validates {@code content}; a file that cannot be read as a mapping yields
     * settings with only the default task file, and {@code rewardDeclared} set so tasks are not
     * each blamed for a reward the file may well declare.
     */
    static SuiteSettings read(Path file, byte[] content, SuiteLoader.Context context, Problems problems)
            throws IOException {
        LocatedDocument document;
        try (JsonParser parser = YAML.createParser(content)) {
            document = DocumentReader.read(parser);
        } catch (JsonProcessingException e) {
            SyntaxError error = SyntaxError.of(e, 1);
            problems.add(file, error.line(), "", "invalid YAML: " + error.message());
            return unreadable();
        }
        if (document.isEmpty()) {
            problems.add(file, 0, "", "the file is empty; expected at least `id: my-suite`");
            return unreadable();
        }
        if (!(document.root() instanceof Map<?, ?> root)) {
            problems.add(file, 1, "", "expected a mapping of fields such as `id: my-suite`, got "
                    + Options.describe(document.root()));
            return unreadable();
        }
        @SuppressWarnings("unchecked")
        Options fields = Options.of((Map<String, Object>) root);
        ToIntFunction<String> lineOf = document::lineOf;
        for (String key : fields.values().keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add(file, lineOf.applyAsInt(key), key, "unknown field; expected one of " + FIELDS);
            }
        }
        Options environment = problems.value(file, lineOf,
                () -> fields.get("environment") == null ? NO_ENVIRONMENT : fields.object("environment"));
        if (environment != null) {
            problems.validate(file, lineOf, () -> context.validateEnvironment(environment));
        }
        boolean rewardDeclared = fields.get("reward") != null;
        Options reward = rewardDeclared ? problems.value(file, lineOf, () -> {
            Options spec = fields.object("reward");
            context.validateReward(spec);
            return spec;
        }) : null;
        String id = problems.value(file, lineOf, () -> id(fields));
        String version = problems.value(file, lineOf, () -> fields.string("version", ""));
        String description = problems.value(file, lineOf, () -> fields.string("description", ""));
        String measures = problems.value(file, lineOf, () -> fields.string("measures", ""));
        String canary = problems.value(file, lineOf, () -> fields.string("canary", null));
        if (fields.get(Dataset.FIELD) == null) {
            return new SuiteSettings(id, version, description, measures, canary, environment, reward, rewardDeclared,
                    problems.value(file, lineOf, () -> tasks(fields)), null);
        }
        return new SuiteSettings(id, version, description, measures, canary, environment, reward, rewardDeclared, null,
                dataset(file, fields, lineOf, rewardDeclared, problems));
    }

    private static SuiteSettings unreadable() {
        return new SuiteSettings(null, null, null, null, null, null, null, true, DEFAULT_TASKS, null);
    }

    /** The dataset block, which replaces the task file and needs the suite's reward: rows carry none. */
    private static Dataset dataset(Path file, Options fields, ToIntFunction<String> lineOf, boolean rewardDeclared,
                                   Problems problems) {
        String both = "a suite reads its tasks from a dataset or from a task file, not both; ";
        if (fields.has("tasks")) {
            problems.add(file, lineOf.applyAsInt("tasks"), "tasks", both + "remove `tasks` or `dataset`");
        }
        if (Files.exists(file.resolveSibling(DEFAULT_TASKS))) {
            problems.add(file, lineOf.applyAsInt(Dataset.FIELD), Dataset.FIELD, both + "the suite directory also holds "
                    + DEFAULT_TASKS + "; remove it or the `dataset` block");
        }
        if (!rewardDeclared) {
            problems.add(file, 0, "reward", "required with a dataset, whose rows carry no reward spec; add one such as"
                    + " `reward: {type: exact}`");
        }
        Options block = problems.value(file, lineOf, () -> fields.object(Dataset.FIELD));
        return block == null ? null : Dataset.read(block, file, lineOf, problems);
    }

    private static String id(Options fields) {
        String id = fields.string("id");
        if (!ID.matcher(id).matches()) {
            throw new InvalidOptionException("id", "expected lower-case letters, digits and '-', starting with a"
                    + " letter or digit (" + ID.pattern() + "), got " + Options.describe(id));
        }
        return id;
    }

    private static String tasks(Options fields) {
        String tasks = fields.string("tasks", DEFAULT_TASKS);
        Path path;
        try {
            path = Path.of(tasks).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidOptionException("tasks", "expected a file path, got " + Options.describe(tasks));
        }
        if (tasks.isBlank() || path.isAbsolute() || path.startsWith("..")) {
            throw new InvalidOptionException("tasks", "expected a file path inside the suite directory, got "
                    + Options.describe(tasks));
        }
        return path.toString().replace('\\', '/');
    }
}
