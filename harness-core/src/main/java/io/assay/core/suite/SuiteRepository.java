package io.assay.core.suite;

import io.assay.launcher.InputException;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Loads a suite directory with the first registered {@link SuiteLoader} that recognises it, and
 * validates its specs against the registered components.
 *
 * <pre>{@code
 * Suite suite = repository.load(Path.of("examples/arithmetic"), Optional.empty());
 * Suite test = repository.load(Path.of("tau2/airline"), Optional.of("test"));   // one split of a benchmark
 * }</pre>
 */
public final class SuiteRepository {
    private final ComponentRegistry registry;
    private final SpecValidation validation;

    @Inject
    public SuiteRepository(ComponentRegistry registry, SpecValidation validation) {
        this.registry = registry;
        this.validation = validation;
    }

    /**
     * Loads and validates a suite, refusing every task whose reference fails its own reward check,
     * since no agent could score on it.
     *
     * @param split the benchmark's split to load ({@code --split}), or empty for its default tasks
     * @throws InputException when the directory is missing, no loader recognises it, a file cannot
     *         be read, or a split is given for a suite that has none
     * @throws InvalidSuiteException with every problem, when the suite is recognised but invalid (an
     *         unknown split name too)
     */
    public Suite load(Path directory, Optional<String> split) {
        return load(directory, split, validation);
    }

    /**
     * Loads like {@link #load(Path, Optional)}, grading the references of the tasks
     * {@code gradedTasks} accepts only ({@link SpecValidation#gradingOnly}).
     */
    public Suite load(Path directory, Optional<String> split, Predicate<String> gradedTasks) {
        return load(directory, split, validation.gradingOnly(gradedTasks));
    }

    /** Loads the suite's default tasks, as {@link #load(Path, Optional)} with no split. */
    public Suite load(Path directory) {
        return load(directory, Optional.empty());
    }

    /**
     * Loads like {@link #load}, but keeps a task whose reference fails its own check: the audit
     * reports such tasks (ABC T.7, T.9) rather than refusing the suite.
     */
    public Suite loadForAudit(Path directory, Optional<String> split) {
        return load(directory, split, validation.keepingUnscorableTasks());
    }

    /** Loads for the audit the suite's default tasks, as {@link #loadForAudit(Path, Optional)} with no split. */
    public Suite loadForAudit(Path directory) {
        return loadForAudit(directory, Optional.empty());
    }

    private Suite load(Path directory, Optional<String> split, SpecValidation validation) {
        if (!Files.exists(directory)) {
            throw new InputException("suite directory not found: " + directory,
                    "pass the directory that holds the suite, such as examples/arithmetic");
        }
        if (!Files.isDirectory(directory)) {
            throw new InputException("not a directory: " + directory + "; a suite is a directory",
                    "pass the directory that holds the suite, not a file in it");
        }
        SuiteLoader loader = registry.suiteLoaders().stream()
                .filter(candidate -> candidate.accepts(directory))
                .findFirst()
                .orElseThrow(() -> unrecognised(directory));
        SuiteLoadContext context = new SuiteLoadContext(validation, split);
        Suite suite;
        try {
            suite = loader.load(directory, context);
        } catch (IOException e) {
            throw new InputException("cannot read suite " + directory + ": " + describe(e));
        }
        if (context.splitIgnored()) {
            throw new InputException("--split: suite " + directory + " has no splits");
        }
        return suite;
    }

    private InputException unrecognised(Path directory) {
        String tried = registry.suiteLoaders().stream()
                .map(loader -> loader.name() + " (" + loader.description() + ")")
                .collect(Collectors.joining(", "));
        return new InputException("no suite format recognises " + directory + " (no "
                + DeclarativeSuiteLoader.SUITE_FILE + " in it); loaders tried: " + (tried.isEmpty() ? "none" : tried),
                "a declarative suite needs " + directory.resolve(DeclarativeSuiteLoader.SUITE_FILE)
                        + "; see docs/suite-format.md");
    }

    private static String describe(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> denied.getFile() + ": permission denied";
            case NoSuchFileException missing -> missing.getFile() + ": file not found";
            case FileSystemException other -> other.getFile() + ": "
                    + (other.getReason() == null ? other.getClass().getSimpleName() : other.getReason());
            default -> String.valueOf(e.getMessage());
        };
    }
}
