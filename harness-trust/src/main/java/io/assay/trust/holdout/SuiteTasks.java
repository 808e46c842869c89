package io.assay.trust.holdout;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;

/**
 * A suite directory's tasks as the bytes that define them, in a format a holdout split can cut in
 * two without rewriting a task: Assay's declarative suites with a task file (each task is one line
 * of it) and Harbor suites (each task is one directory). Read without the engine, so {@code assay
 * holdout verify} reads a private part exactly as it lies on disk.
 *
 * <pre>{@code
 * SuiteTasks tasks = SuiteTasks.read(Path.of("examples/arithmetic"));
 * tasks.ids();                                      // [q1, q2, ...] in the suite's order
 * tasks.write(Path.of("split/public"), Set.of("q1", "q2"));
 * }</pre>
 */
sealed interface SuiteTasks permits TaskLines, TaskDirectories {

    /** What a split supports, for the one line that refuses any other format. */
    String SUPPORTED = "assay holdout splits declarative suites with a task file (suite.yaml and tasks.jsonl) and"
            + " Harbor suites (one directory with task.toml per task)";

    /**
     * The tasks of the suite in {@code directory}.
     *
     * @throws InputException when the directory is no suite of a supported format, or a task cannot be read
     */
    static SuiteTasks read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new InputException(directory + ": " + (Files.exists(directory) ? "not a directory" : "no such directory"),
                    "give a suite directory; " + SUPPORTED);
        }
        if (Files.isRegularFile(directory.resolve(TaskLines.SUITE_FILE))) {
            return TaskLines.read(directory);
        }
        TaskDirectories harbor = TaskDirectories.read(directory);
        if (harbor != null) {
            return harbor;
        }
        throw new InputException(directory + ": not a suite format assay holdout can split", SUPPORTED);
    }

    /** {@code declarative} or {@code harbor}. */
    String format();

    /** The task ids, in the suite's own order. */
    List<String> ids();

    /**
     * Whether the file at {@code path} (relative to the suite directory, with {@code /}) is part of
     * one task's bytes; the other files of a part are committed to by {@link PartFiles}.
     */
    boolean ownsFile(String path);

    /** Feeds the exact bytes that define task {@code id} to {@code digest}. */
    void digest(String id, MessageDigest digest) throws IOException;

    /** Writes a suite of the same format into {@code out} holding only the tasks {@code ids}, in the suite's order. */
    void write(Path out, Collection<String> ids) throws IOException;
}
