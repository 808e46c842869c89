package io.assay.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes large synthetic declarative suites for benchmarks. */
public final class BenchmarkSuites {

    private BenchmarkSuites() {
    }

    /** A suite of {@code tasks} short tasks graded by {@code exact}, in {@code directory}. */
    public static Path write(Path directory, int tasks) throws IOException {
        return write(directory, tasks, "exact");
    }

    /** A suite of {@code tasks} short arithmetic tasks graded by the check {@code type} ({@code exact} or {@code numeric}). */
    public static Path write(Path directory, int tasks, String type) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("suite.yaml"), """
                id: bench
                version: "1"
                measures: harness overhead only
                canary: "assay-canary:bench"
                reward: {type: %s}
                """.formatted(type));
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("tasks.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < tasks; i++) {
                out.write("{\"id\":\"t" + i + "\",\"prompt\":\"What is " + i + " + 1?\",\"answer\":\"" + (i + 1)
                        + "\",\"metadata\":{\"bucket\":\"b" + (i % 10) + "\"}}\n");
            }
        }
        return directory;
    }

    /** Deletes a benchmark's workspace: its suites and the runs made from them. */
    public static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** {@code java -cp benchmarks.jar io.assay.bench.BenchmarkSuites DIR TASKS [CHECK]}: for the macro benchmark script. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: BenchmarkSuites DIR TASKS [exact|numeric]");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length == 3 ? args[2] : "exact");
    }
}
