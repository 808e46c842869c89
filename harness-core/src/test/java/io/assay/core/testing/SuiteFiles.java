package io.assay.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes small declarative suites for tests. */
public final class SuiteFiles {

    private SuiteFiles() {
    }

    /** A suite {@code id} of {@code tasks} tasks "t0".."tN" whose answers are their index; half are "easy". */
    public static Path write(Path directory, String id, int tasks, String reward) {
        String lines = IntStream.range(0, tasks)
                .mapToObj(i -> "{\"id\":\"t" + i + "\",\"prompt\":\"say " + i + "\",\"answer\":\"" + i
                        + "\",\"metadata\":{\"level\":\"" + (i % 2 == 0 ? "easy" : "hard") + "\"}}")
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("suite.yaml"),
                    "id: " + id + "\nversion: '1'\nmeasures: saying numbers\nreward: " + reward + "\n");
            Files.writeString(directory.resolve("tasks.jsonl"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }
}
