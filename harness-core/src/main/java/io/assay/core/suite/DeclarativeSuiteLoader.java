package io.assay.core.suite;

import io.assay.kit.Problems;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Problem;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Assay's own suite format: a directory with {@code suite.yaml} (the suite's claims and defaults)
 * and a JSON-lines task file, or a {@code dataset} block naming a published JSONL, JSON or CSV file
 * to read as it is. Every problem in both files is reported at once, located by file,
 * line and field; docs/suite-format.md is the reference.
 *
 * <pre>{@code
 * Suite suite = new DeclarativeSuiteLoader().load(Path.of("examples/arithmetic"), specValidation);
 * }</pre>
 */
public final class DeclarativeSuiteLoader implements SuiteLoader {
    static final String SUITE_FILE = "suite.yaml";

    @Override
    public String name() {
        return "declarative";
    }

    @Override
    public String description() {
        return "Assay's format: suite.yaml plus a JSON-lines task file or a JSONL, JSON or CSV dataset";
    }

    @Override
    public boolean accepts(Path directory) {
        return Files.isRegularFile(directory.resolve(SUITE_FILE));
    }

    @Override
    public Suite load(Path directory, Context context) throws IOException {
        Path suiteFile = directory.resolve(SUITE_FILE);
        if (!Files.isDirectory(directory)) {
            String found = Files.exists(directory) ? "not a directory" : "no such directory";
            throw invalid(new Problem(directory, 0, "", found + "; expected a suite directory holding " + SUITE_FILE));
        }
        if (!Files.isRegularFile(suiteFile)) {
            throw invalid(new Problem(suiteFile, 0, "", "file not found; a declarative suite directory holds "
                    + SUITE_FILE));
        }
        Problems problems = new Problems();
        byte[] suiteContent = Files.readAllBytes(suiteFile);
        SuiteSettings settings = SuiteSettings.read(suiteFile, suiteContent, context, problems);
        TaskFileReader.TaskFile taskFile = null;
        if (settings.dataset() != null) {
            taskFile = new DatasetReader(settings.dataset(), settings.reward(), context, problems).read();
        } else if (settings.tasks() != null) {
            taskFile = readTasks(directory.resolve(settings.tasks()), settings, context, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSuiteException(problems.byLine());
        }
        String tasksName = settings.dataset() != null ? settings.dataset().path() : settings.tasks();
        return new Suite(settings.id(), settings.version(), settings.description(), settings.measures(),
                settings.canary(), settings.environment(), settings.reward(), taskFile.tasks(), directory,
                contentHash(suiteContent, tasksName, taskFile.sha256()));
    }

    private static TaskFileReader.TaskFile readTasks(Path file, SuiteSettings settings, Context context,
                                                     Problems problems) throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(file, 0, "", (Files.exists(file) ? "not a regular file" : "file not found")
                    + "; expected the task file, one JSON object per line (`tasks` in " + SUITE_FILE
                    + " names it, default " + SuiteSettings.DEFAULT_TASKS + ")");
            return null;
        }
        return new TaskFileReader(file, settings.reward(), !settings.rewardDeclared(), context, problems).read();
    }

    /**
     * Each file's name (the dataset's as suite.yaml writes it) and SHA-256 in turn, hashed again: independent of where the suite lies, and
     * no two different pairs of files give the same input.
     */
    private static String contentHash(byte[] suiteContent, String tasksName, byte[] tasksSha256) {
        MessageDigest digest = JsonLines.sha256();
        digest.update((SUITE_FILE + "\0").getBytes(StandardCharsets.UTF_8));
        digest.update(JsonLines.sha256().digest(suiteContent));
        digest.update((tasksName + "\0").getBytes(StandardCharsets.UTF_8));
        digest.update(tasksSha256);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static InvalidSuiteException invalid(Problem problem) {
        return new InvalidSuiteException(List.of(problem));
    }
}
