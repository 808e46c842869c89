package io.assay.trust.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.Assay;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import io.assay.trust.bundle.BundleWriter;
import io.assay.trust.bundle.Ed25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Claims for the replication tests: real runs through the engine of a copy of
 * {@code examples/arithmetic} (twenty numeric word problems), with the reference agents on the test
 * class path, and bundles made of them.
 *
 * <pre>{@code
 * Path suite = ArithmeticClaims.suite(work.resolve("suite"));
 * Options right = ArithmeticClaims.predictions(suite, work.resolve("p.jsonl"), id -> true);
 * Path claim = ArithmeticClaims.run(suite, "scripted", right, 1, work.resolve("claim"));
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
        return List.copyOf(answers(suite).keySet());
    }

    /**
     * The {@code scripted} agent's options replaying a predictions file written to {@code file}: the
     * right answer for tasks {@code right} accepts, a wrong one ({@code -1}) for the others, in every epoch.
     */
    static Options predictions(Path suite, Path file, Predicate<String> right) throws Exception {
        List<String> lines = new ArrayList<>();
        answers(suite).forEach((id, answer) -> lines.add(prediction(id, right.test(id) ? answer : "-1").toString()));
        return write(file, lines);
    }

    /**
     * The same, epoch by epoch: each task's answer in each of {@code epochs} epochs (numbered from 0) is
     * right when {@code right} accepts the task and epoch.
     */
    static Options predictions(Path suite, Path file, BiPredicate<String, Integer> right, int epochs) throws Exception {
        List<String> lines = new ArrayList<>();
        answers(suite).forEach((id, answer) -> {
            for (int epoch = 0; epoch < epochs; epoch++) {
                lines.add(prediction(id, right.test(id, epoch) ? answer : "-1").put("epoch", epoch).toString());
            }
        });
        return write(file, lines);
    }

    private static ObjectNode prediction(String id, String answer) {
        return JSON.createObjectNode().put("task_id", id).put("output", "It is " + answer);
    }

    private static Options write(Path file, List<String> lines) throws Exception {
        Files.write(file, lines);
        return Options.of(Map.of("file", file.toString()));
    }

    /** Runs {@code agent} on every task of {@code suite} for {@code epochs} epochs into {@code out}. */
    static Path run(Path suite, String agent, Options options, int epochs, Path out) throws Exception {
        Assay.open(List.of()).start(RunSettings.builder(suite, agent).agentOptions(options).epochs(epochs).out(out).build())
                .execute(ProgressListener.NONE);
        return out;
    }

    /** {@code run}'s bundle, as {@code assay bundle} writes it, signed with a fresh key. */
    static Path bundle(Path run, Path zip) {
        BundleWriter.write(Assay.open(List.of()), run, Ed25519.generate(), null, zip);
        return zip;
    }

    /** Each task's answer, by id in suite order. */
    private static Map<String, String> answers(Path suite) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(suite.resolve("tasks.jsonl"))) {
            lines.map(ArithmeticClaims::task).forEach(task -> answers.put(task.get("id").asText(), task.get("answer").asText()));
        }
        return answers;
    }

    private static JsonNode task(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable task line " + line, e);
        }
    }
}
