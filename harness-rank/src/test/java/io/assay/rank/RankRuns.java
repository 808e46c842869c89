package io.assay.rank;

import io.assay.launcher.Assay;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real runs for the rankings' tests: a small suite of sums graded {@code exact}, run through the
 * engine with the reference agents on the test class path.
 *
 * <pre>{@code
 * Path suite = RankRuns.suite(work.resolve("suite"), "1", "a=2=easy", "b=4=hard");
 * Path run = RankRuns.run(suite, "scripted", RankRuns.predictions(work.resolve("p.jsonl"), "a=2", "b=5"), 1, false, work.resolve("r"));
 * }</pre>
 */
public final class RankRuns {

    private RankRuns() {
    }

    /**
     * Writes the suite {@code sums} at {@code version} into {@code directory}.
     *
     * @param tasks each {@code ID=ANSWER=LEVEL}; the level is the task's {@code level} metadata
     */
    public static Path suite(Path directory, String version, String... tasks) throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("suite.yaml"), """
                id: sums
                version: "%s"
                description: A few sums, for the rankings' tests.
                measures: Adding.
                reward: {type: exact}
                """.formatted(version));
        StringBuilder lines = new StringBuilder();
        for (String task : tasks) {
            String[] parts = task.split("=");
            lines.append("{\"id\": \"%s\", \"prompt\": \"Sum %s?\", \"answer\": \"%s\", \"metadata\": {\"level\": \"%s\"}}\n"
                    .formatted(parts[0], parts[0], parts[1], parts[2]));
        }
        Files.writeString(directory.resolve("tasks.jsonl"), lines);
        return directory;
    }

    /**
     * The {@code scripted} agent's options, replaying {@code outputs} from a predictions file written to {@code file}.
     *
     * @param outputs each {@code ID=OUTPUT}, or {@code ID#EPOCH=OUTPUT} for one epoch
     */
    public static Options predictions(Path file, String... outputs) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String output : outputs) {
            String[] parts = output.split("=", 2);
            String[] task = parts[0].split("#");
            lines.append("{\"task_id\": \"").append(task[0]).append('"')
                    .append(task.length > 1 ? ", \"epoch\": " + task[1] : "")
                    .append(", \"output\": \"").append(parts[1]).append("\"}\n");
        }
        Files.writeString(file, lines);
        return Options.of(Map.of("file", file.toString()));
    }

    /** Runs {@code agent} on {@code suite} into {@code out}, with the trivial baselines when asked. */
    public static Path run(Path suite, String agent, Options options, int epochs, boolean baselines, Path out) throws Exception {
        Assay.open(List.of()).start(RunSettings.builder(suite, agent).agentOptions(options).epochs(epochs)
                .baselines(baselines).out(out).build()).execute(ProgressListener.NONE);
        return out;
    }
}
