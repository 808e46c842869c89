package io.assay.trust.holdout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Harbor suite's tasks: each is a sub-directory holding {@code task.toml}, named by its id, in
 * name order as the Harbor loader orders them. A part is the optional {@code suite.toml} and the
 * part's task directories, copied whole. A task's bytes are every file of its directory
 * ({@link Tree#digest}).
 *
 * @param directory the suite directory
 * @param ids the task directories' names, sorted
 */
record TaskDirectories(Path directory, List<String> ids) implements SuiteTasks {

    /** The file that makes a directory a Harbor task (the env-docker plugin's {@code HarborTasks.CONFIG_FILE}). */
    private static final String TASK_FILE = "task.toml";
    private static final String SUITE_FILE = "suite.toml";

    /** The suite's tasks, or {@code null} when {@code directory} holds no task directory. */
    static TaskDirectories read(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            List<String> ids = children.filter(child -> Files.isRegularFile(child.resolve(TASK_FILE)))
                    .map(child -> child.getFileName().toString()).sorted().toList();
            return ids.isEmpty() ? null : new TaskDirectories(directory, ids);
        }
    }

    @Override
    public String format() {
        return "harbor";
    }

    @Override
    public boolean ownsFile(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && ids.contains(path.substring(0, slash));
    }

    @Override
    public void digest(String id, MessageDigest digest) throws IOException {
        Tree.digest(directory.resolve(id), digest);
    }

    @Override
    public void write(Path out, Collection<String> chosen) throws IOException {
        Files.createDirectories(out);
        if (Files.isRegularFile(directory.resolve(SUITE_FILE))) {
            Tree.copy(directory.resolve(SUITE_FILE), out.resolve(SUITE_FILE));
        }
        for (String id : ids) {
            if (chosen.contains(id)) {
                Tree.copy(directory.resolve(id), out.resolve(id));
            }
        }
    }
}
