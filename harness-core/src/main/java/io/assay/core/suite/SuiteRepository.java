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
import java.util.stream.Collectors;

/**
 * Loads a suite directory with the first registered {@link SuiteLoader} that recognises it, and
 * validates its specs against the registered components.
 *
 * <pre>{@code
 * Suite suite = repository.load(Path.of("examples/arithmetic"));
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
     * @throws InputException when the directory is missing, no loader recognises it or a file
     *         cannot be read
     * @throws InvalidSuiteException with every problem, when the suite is recognised but invalid
     */
    public Suite load(Path directory) {
        return load(directory, validation);
    }

    /**
     * Loads like {@link #load}, but keeps a task whose reference fails its own check: the audit
     * reports such tasks (ABC T.7, T.9) rather than refusing the suite.
     */
    public Suite loadForAudit(Path directory) {
        return load(directory, validation.keepingUnscorableTasks());
    }

    private Suite load(Path directory, SpecValidation validation) {
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
        try {
            return loader.load(directory, validation);
        } catch (IOException e) {
            throw new InputException("cannot read suite " + directory + ": " + describe(e));
        }
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
