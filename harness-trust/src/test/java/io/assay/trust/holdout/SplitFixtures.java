package io.assay.trust.holdout;

import io.assay.launcher.Assay;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Suites and real runs for the holdout tests: a suite of numbered sums graded {@code exact}, run
 * through the engine with the reference agents on the test class path.
 *
 * <pre>{@code
 * Path suite = SplitFixtures.sums(work.resolve("suite"), 20);
 * Path run = SplitFixtures.scripted(suite, work.resolve("p.jsonl"), id -> true, work.resolve("run"));
 * }</pre>
 */
final class SplitFixtures {
    static final Assay ASSAY = Assay.open(List.of());

    private SplitFixtures() {
    }

    /** Writes the suite {@code sums} with tasks {@code t01}, {@code t02}, ... each asking a secret sum. */
    static Path sums(Path directory, int tasks) throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("suite.yaml"), """
                id: sums
                version: "1"
                description: Numbered sums, for the holdout tests.
                measures: Adding.
                reward: {type: exact}
                """);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= tasks; i++) {
            lines.append("{\"id\": \"%s\", \"prompt\": \"Secret question %d: what is %d + %d?\", \"answer\": \"%d\"}\n"
                    .formatted(id(i), i, i, 1000, i + 1000));
        }
        Files.writeString(directory.resolve("tasks.jsonl"), lines);
        return directory;
    }

    static String id(int number) {
        return "t%02d".formatted(number);
    }

    /** The answer of task {@code id} in {@link #sums}. */
    static String answer(String id) {
        return String.valueOf(Integer.parseInt(id.substring(1)) + 1000);
    }

    /**
     * Runs the scripted agent on {@code suite}, answering task {@code tXX} right when {@code right} says so
     * and wrong otherwise, with one predictions file for every task of {@code tasks} numbered tasks.
     */
    static Path scripted(Path suite, int tasks, Predicate<String> right, Path predictions, Path out) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= tasks; i++) {
            String id = id(i);
            lines.append("{\"task_id\": \"%s\", \"output\": \"%s\"}\n".formatted(id, right.test(id) ? answer(id) : "0"));
        }
        Files.writeString(predictions, lines);
        return run(suite, "scripted", Options.of(Map.of("file", predictions.toString())), out);
    }

    static Path run(Path suite, String agent, Options options, Path out) throws Exception {
        ASSAY.start(RunSettings.builder(suite, agent).agentOptions(options).out(out).build()).execute(ProgressListener.NONE);
        return out;
    }
}
