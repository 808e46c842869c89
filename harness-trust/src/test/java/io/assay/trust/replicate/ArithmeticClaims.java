package io.assay.trust.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.launcher.Assay;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Claims for the replication tests: real runs through the engine of a copy of
 * {@code examples/arithmetic} (twenty numeric word problems), with the reference agents on the test
 * class path, and bundles made of them.
 *
 * <pre>{@code
 * Path suite = ArithmeticClaims.suite(work.resolve("suite"));
 * Path claim = ArithmeticClaims.run(suite, "scripted", ArithmeticClaims.predictions(suite, work.resolve("p.jsonl"), id -> true), work.resolve("claim"));
 * }</pre>
 */
final class ArithmeticClaims {
    private static final Path EXAMPLE = Path.of("..", "examples", "arithmetic");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArithmeticClaims() {
    }

    /** A copy of the arithmetic example in {@code directory}, to edit without touching the repository's. */
    static Path suite(Path directory) throws Exception {
        Files.createDirectories(directory);
        for (String file : List.of("suite.yaml", "tasks.jsonl")) {
            Files.copy(EXAMPLE.resolve(file), directory.resolve(file));
        }
        return directory;
    }

    /** The suite's task ids, in suite order. */
    static List<String> taskIds(Path suite) throws Exception {
        try (Stream<String> lines = Files.lines(suite.resolve("tasks.jsonl"))) {
            return lines.map(ArithmeticClaims::task).map(task -> task.get("id").asText()).toList();
        }
    }

    /**
     * The {@code scripted} agent's options replaying a predictions file written to {@code file}: the
     * right answer for tasks {@code right} accepts, a wrong one ({@code -1}) for the others.
     */
    static Options predictions(Path suite, Path file, Predicate<String> right) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<String> tasks = Files.lines(suite.resolve("tasks.jsonl"))) {
            tasks.map(ArithmeticClaims::task).forEach(task -> {
                String id = task.get("id").asText();
                lines.add(JSON.createObjectNode().put("task_id", id)
                        .put("output", right.test(id) ? "It is " + task.get("answer").asText() : "It is -1").toString());
            });
        }
        Files.write(file, lines);
        return Options.of(Map.of("file", file.toString()));
    }

    /** Runs {@code agent} on every task of {@code suite}, one epoch, into {@code out}. */
    static Path run(Path suite, String agent, Options options, Path out) throws Exception {
        Assay.open(List.of()).start(RunSettings.builder(suite, agent).agentOptions(options).out(out).build())
                .execute(ProgressListener.NONE);
        return out;
    }

    /** A bundle holding {@code run}'s files under {@code run/}, as {@code assay bundle} lays them out (unsigned). */
    static Path bundle(Path run, Path zip) throws Exception {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(run)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry("run/" + run.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static JsonNode task(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable task line " + line, e);
        }
    }
}
